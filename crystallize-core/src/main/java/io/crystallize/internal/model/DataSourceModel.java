package io.crystallize.internal.model;

/**
 * The {@code @DataSource} method.
 *
 * @param upstream     the upstream experiment class, or {@code null}
 * @param upstreamName the upstream experiment's name (where its results lie), or empty
 * @param upstreamIsExperiment whether the upstream class is annotated {@code @Experiment}
 * @param step         the upstream step that wrote the artifact
 * @param artifact     the artifact's file name
 * @param condition    the upstream condition, or empty for the fetching run's own
 */
public record DataSourceModel(MethodModel method, TypeRef upstream, String upstreamName,
        boolean upstreamIsExperiment, String step, String artifact, String condition) {

    public boolean hasUpstream() {
        return upstream != null;
    }
}
