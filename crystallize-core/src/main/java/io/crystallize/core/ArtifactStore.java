package io.crystallize.core;

import java.nio.file.Path;

/**
 * A plugin that stores an experiment's artifacts and can read them back. The experiment finds it
 * among its plugins for {@link Experiment#artifactDataSource}; core itself stores nothing.
 */
public interface ArtifactStore {

    /**
     * A data source over one artifact of experiment {@code experimentName}'s latest complete
     * version: one path per replicate.
     *
     * @param condition the upstream condition to read, or {@code null} to read the fetching run's
     *                  own condition; a missing file falls back to the baseline's, with a warning
     * @param requireMetadata when true, the upstream version must record its replicate count
     */
    DataSource<Path> dataSource(String experimentName, String step, String artifact, String condition,
            boolean requireMetadata);

    /**
     * True when experiment {@code experimentName} has a complete version in this store: every
     * condition's results written by an execution that ran all its runs. The default, for stores
     * that cannot tell, is false (an experiment graph then always runs the experiment).
     */
    default boolean hasCompleteResults(String experimentName) {
        return false;
    }
}
