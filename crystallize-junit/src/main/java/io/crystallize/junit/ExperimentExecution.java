package io.crystallize.junit;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.core.ExecutionCancelledException;
import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.base.RunFailure;
import io.crystallize.core.RunRequest;
import io.crystallize.definition.ExperimentDefinition;
import io.crystallize.definition.HypothesisDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.TestAbortedException;

/** One execution of an experiment node: upstream results first, then the runs its selected hypotheses need. */
final class ExperimentExecution {

    private final ExperimentDescriptor node;
    private final ExecutionContext context;

    ExperimentExecution(ExperimentDescriptor node, ExecutionContext context) {
        this.node = node;
        this.context = context;
    }

    ExecutionContext.ExperimentRun run() throws Exception {
        ExperimentDefinition definition = node.definition();
        EngineConfiguration configuration = context.configuration();
        Stop stop = new Stop(context.cancellation(), configuration.timeout());
        try {
            ensureUpstreamResults(definition, stop, new HashSet<>());
            if (!definition.upstream().isEmpty()) {
                context.configuration().settings().resultWriter().await(); // upstream results on disk first
            }
            Experiment experiment = definition.experiment(configuration.settings());
            // an override acts like a run(...) argument: it beats an upstream source's declared count too
            RunRequest request = RunPlan.request(definition, experiment, selectedHypotheses()).withCancellation(stop)
                    .withReplicates(configuration.settings().replicatesOverride().orElse(null));
            try {
                Result result = experiment.run(request);
                publishResults(experiment, result);
                return new ExecutionContext.ExperimentRun(definition, result);
            } catch (ExecutionCancelledException e) {
                throw stopped(definition, stop, e);
            }
        } finally {
            context.executed().add(definition.experimentClass());
        }
    }

    private List<HypothesisDeclaration> selectedHypotheses() {
        return node.getChildren().stream()
                .filter(HypothesisDescriptor.class::isInstance)
                .map(child -> ((HypothesisDescriptor) child).declaration())
                .toList();
    }

    /** Runs upstream experiments that neither ran in this engine run nor left complete results on disk. */
    private void ensureUpstreamResults(ExperimentDefinition definition, Stop stop, Set<Class<?>> visiting) {
        for (Class<?> upstream : definition.upstream()) {
            if (context.executed().contains(upstream) || !visiting.add(upstream)) {
                continue;
            }
            ExperimentDefinition source = Definitions.load(upstream).definition();
            Path root = context.configuration().settings().artifactRoot();
            if (hasCompleteResults(root, source.name())) {
                continue;
            }
            ensureUpstreamResults(source, stop, visiting);
            Result result = source.experiment(context.configuration().settings())
                    .run(RunRequest.defaults().withCancellation(stop));
            context.executed().add(upstream);
            context.listener().reportingEntryPublished(node, ReportEntry.from("upstream", source.name()
                    + " had no complete results under " + root + ", so it ran first: " + result));
        }
    }

    private static boolean hasCompleteResults(Path root, String experiment) {
        try {
            return ArtifactPlugin.latestCompleteVersion(root, experiment).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Exception stopped(ExperimentDefinition definition, Stop stop, ExecutionCancelledException e) {
        Result partial = e.partialResult();
        String progress = partial == null ? "" : "; " + partial.provenance().size() + " of "
                + partial.replicates() * partial.conditions().size() + " runs finished, the rest were not started";
        if (stop.timedOut()) {
            TimeoutException timeout = new TimeoutException("experiment '" + definition.name()
                    + "' exceeded its time limit of " + stop.limit().orElseThrow() + " (" + Constants.TIMEOUT + ")"
                    + progress);
            timeout.initCause(e);
            return timeout;
        }
        return new TestAbortedException("execution of experiment '" + definition.name() + "' was cancelled" + progress, e);
    }

    private void publishResults(Experiment experiment, Result result) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("experiment", result.experiment());
        summary.put("conditions", String.join(",", result.conditions()));
        summary.put("replicates", Integer.toString(result.replicates()));
        summary.put("masterSeed", Long.toString(result.masterSeed()));
        summary.put("failedRuns", Integer.toString(result.errors().size()));
        Path directory = experiment.getPlugin(ArtifactPlugin.class).map(ArtifactPlugin::versionDirectory).orElse(null);
        if (directory != null) {
            summary.put("results", directory.toAbsolutePath().toString());
        }
        context.listener().reportingEntryPublished(node, ReportEntry.from(summary));
        if (directory != null) { // claimed by this execution, so it exists
            context.listener().fileEntryPublished(node, FileEntry.from(directory.toAbsolutePath(), null));
        }
        if (context.configuration().report()) {
            context.report().add(result, directory);
        }
    }

    /** Fails the experiment node when not a single run succeeded, with the first failure as cause. */
    static void failIfEveryRunFailed(ExecutionContext.ExperimentRun run) {
        Result result = run.result();
        int runs = result.replicates() * result.conditions().size();
        if (runs == 0 || result.errors().size() < runs) {
            return;
        }
        RunFailure first = result.errors().values().iterator().next();
        throw new AllRunsFailedException("every run of experiment '" + result.experiment() + "' failed (" + runs
                + " runs); first: " + first.describe(), first.asThrowable());
    }

    /** Not a single run of an experiment succeeded. */
    static final class AllRunsFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AllRunsFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
