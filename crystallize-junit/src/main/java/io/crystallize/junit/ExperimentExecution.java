package io.crystallize.junit;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.core.ExecutionCancelledException;
import io.crystallize.core.ExecutionStoppedException;
import io.crystallize.core.TimeLimitExceededException;
import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.base.RunFailure;
import io.crystallize.core.RunRequest;
import io.crystallize.definition.ExperimentDefinition;
import io.crystallize.definition.HypothesisDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
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
        Stop stop = new Stop(context.cancellation());
        TimeLimit limit = new TimeLimit(configuration.timeout());
        try {
            ensureUpstreamResults(definition, stop, limit, new HashSet<>());
            if (!definition.upstream().isEmpty()) {
                context.configuration().settings().resultWriter().await(); // upstream results on disk first
            }
            Experiment experiment = definition.experiment(configuration.settings()
                    .forExperiment(definition.experimentClass()));
            // an override acts like a run(...) argument: it beats an upstream source's declared count too
            RunRequest request = RunPlan.request(definition, experiment, selectedHypotheses()).withCancellation(stop)
                    .withTimeLimit(limit.left()).withReplicates(configuration.settings().replicatesOverride().orElse(null))
                    .withResume(configuration.resume());
            if (configuration.forks() != null) {
                request = request.withStrategy(configuration.forks().strategy(definition.experimentClass(),
                        configuration.settings().artifactRoot()));
            }
            if (configuration.cluster() != null) {
                request = request.withStrategy(configuration.cluster().strategy(definition.experimentClass(),
                        configuration.settings().artifactRoot()));
            }
            try {
                Result result = experiment.run(request);
                publishResults(experiment, result);
                return new ExecutionContext.ExperimentRun(definition, result);
            } catch (ExecutionStoppedException e) {
                publishResults(experiment, e.partialResult()); // what finished was written: say where
                throw stopped(definition.name(), limit, e);
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
    private void ensureUpstreamResults(ExperimentDefinition definition, Stop stop, TimeLimit limit,
            Set<Class<?>> visiting) throws Exception {
        for (Class<?> upstream : definition.upstream()) {
            if (context.executed().contains(upstream) || !visiting.add(upstream)) {
                continue;
            }
            ExperimentDefinition source = Definitions.load(upstream).definition();
            Path root = context.configuration().settings().artifactRoot();
            if (hasCompleteResults(root, source.name())) {
                continue;
            }
            ensureUpstreamResults(source, stop, limit, visiting);
            Result result;
            try {
                result = source.experiment(context.configuration().settings().forExperiment(upstream))
                        .run(RunRequest.defaults().withCancellation(stop).withTimeLimit(limit.left())
                                .withResume(context.configuration().resume()));
            } catch (ExecutionStoppedException e) {
                throw stopped(source.name() + "', upstream of '" + definition.name(), limit, e);
            }
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

    /**
     * The failure of an experiment node whose execution stopped: a time limit fails it naming the
     * runs that were stuck; a JUnit cancellation aborts it; running out of memory fails it.
     */
    private static Exception stopped(String experiment, TimeLimit limit, ExecutionStoppedException e) {
        Result partial = e.partialResult();
        List<String> stuck = new ArrayList<>();
        partial.errors().forEach((key, failure) -> {
            if (failure.type().equals(TimeoutException.class.getName())) {
                stuck.add(key + (failure.step() == null ? "" : " in step '" + failure.step() + "'")
                        + (e.abandonedRuns().contains(key) ? " (abandoned, still running)" : " (interrupted)"));
            }
        });
        int runs = partial.replicates() * partial.conditions().size();
        int finished = partial.provenance().size() - stuck.size();
        boolean unstarted = finished + stuck.size() < runs;
        String stuckRuns = String.join(", ", stuck);
        String progress = "; " + finished + " of " + runs + " runs finished"
                + (unstarted ? ", the rest were not started" : "")
                + (stuck.isEmpty() ? "" : (unstarted ? " but for " : ", ")
                        + (stuck.size() == 1 ? "the run stuck at the limit: " : "the runs stuck at the limit: ") + stuckRuns);
        if (e instanceof TimeLimitExceededException) {
            TimeoutException timeout = new TimeoutException("experiment '" + experiment
                    + "' exceeded its time limit of " + limit.limit().orElseThrow() + " (" + Constants.TIMEOUT + ")"
                    + progress);
            timeout.initCause(e);
            return timeout;
        }
        if (e instanceof ExecutionCancelledException) {
            return new TestAbortedException("execution of experiment '" + experiment + "' was cancelled" + progress, e);
        }
        return e;
    }

    /** The engine's limit per experiment node, shared by the upstream experiments it runs first. */
    private static final class TimeLimit {
        private final Optional<Duration> limit;
        private final long start = System.nanoTime();

        TimeLimit(Optional<Duration> limit) {
            this.limit = limit;
        }

        Optional<Duration> limit() {
            return limit;
        }

        /** What is left of the limit ({@code null}: no limit); at least a nanosecond, so a spent one stops at once. */
        Duration left() {
            return limit.map(d -> Duration.ofNanos(Math.max(1, d.toNanos() - (System.nanoTime() - start)))).orElse(null);
        }
    }

    private void publishResults(Experiment experiment, Result result) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("experiment", result.experiment());
        summary.put("conditions", String.join(",", result.conditions()));
        summary.put("replicates", Integer.toString(result.replicates()));
        summary.put("masterSeed", Long.toString(result.masterSeed()));
        summary.put("failedRuns", Integer.toString(result.errors().size()));
        if (!result.reused().isEmpty()) {
            summary.put("reused", Reused.describe(result.reused()));
        }
        Path directory = experiment.getPlugin(ArtifactPlugin.class).map(ArtifactPlugin::versionDirectory).orElse(null);
        if (directory != null) {
            summary.put("results", directory.toAbsolutePath().toString());
        }
        context.listener().reportingEntryPublished(node, ReportEntry.from(summary));
        if (directory != null) { // claimed by this execution, so it exists
            PlatformFileEntries.publish(context.listener(), node, directory.toAbsolutePath());
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
