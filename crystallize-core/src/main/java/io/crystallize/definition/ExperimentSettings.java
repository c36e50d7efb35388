package io.crystallize.definition;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.artifacts.ResultWriter;
import io.crystallize.artifacts.Retention;
import io.crystallize.base.Names;
import io.crystallize.core.DataSource;
import io.crystallize.core.ExecutionOptions;
import io.crystallize.core.Experiment;
import io.crystallize.core.ReusePolicy;
import io.crystallize.core.SeedPlugin;
import io.crystallize.core.Step;
import io.crystallize.fingerprint.CachedStep;
import io.crystallize.internal.wiring.RunState;
import io.crystallize.plugins.ParallelExecution;
import io.crystallize.plugins.ProgressPlugin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Configuration given to an experiment from outside its annotations (e.g. {@code crystallize.*}
 * configuration parameters). Precedence, per value: override > annotation attribute > default.
 *
 * @param defaultReplicates          replicates when the annotation leaves them unset
 * @param replicatesOverride         replicates that beat the annotation (e.g. a quick CI smoke run), or empty
 * @param defaultSeed                master seed when the annotation leaves it unset
 * @param seedOverride               master seed that beats the annotation, or empty
 * @param defaultAlpha               alpha for hypotheses that leave it unset
 * @param artifactRoot               results root directory
 * @param parallelism                worker threads for runs (1 = serial)
 * @param toleratedFailureFraction   fraction of runs a hypothesis may miss
 * @param resultWriter               writes results in the background (see {@link ResultWriter}), or
 *                                   {@code null} to write them before each execution returns
 * @param progressInterval           the least time between two progress lines of an execution on
 *                                   standard output (see {@link ProgressPlugin}), or {@code null} for none
 * @param reuse                      whether conditions may take an earlier execution's runs with an equal
 *                                   fingerprint (see {@link ReusePolicy})
 * @param timed                      the experiment measures time (declared by its annotation)
 */
public record ExperimentSettings(int defaultReplicates, Optional<Integer> replicatesOverride, long defaultSeed,
        Optional<Long> seedOverride, double defaultAlpha, Path artifactRoot, int parallelism,
        double toleratedFailureFraction, ResultWriter resultWriter, Duration progressInterval, ReusePolicy reuse,
        boolean timed) {

    public ExperimentSettings {
        java.util.Objects.requireNonNull(reuse, "reuse");
    }

    /** Settings that never reuse runs. */
    public ExperimentSettings(int defaultReplicates, Optional<Integer> replicatesOverride, long defaultSeed,
            Optional<Long> seedOverride, double defaultAlpha, Path artifactRoot, int parallelism,
            double toleratedFailureFraction, ResultWriter resultWriter, Duration progressInterval) {
        this(defaultReplicates, replicatesOverride, defaultSeed, seedOverride, defaultAlpha, artifactRoot, parallelism,
                toleratedFailureFraction, resultWriter, progressInterval, ReusePolicy.NEVER, false);
    }

    /** Settings without progress lines. */
    public ExperimentSettings(int defaultReplicates, Optional<Integer> replicatesOverride, long defaultSeed,
            Optional<Long> seedOverride, double defaultAlpha, Path artifactRoot, int parallelism,
            double toleratedFailureFraction, ResultWriter resultWriter) {
        this(defaultReplicates, replicatesOverride, defaultSeed, seedOverride, defaultAlpha, artifactRoot, parallelism,
                toleratedFailureFraction, resultWriter, null);
    }

    /** Settings that write results before each execution returns. */
    public ExperimentSettings(int defaultReplicates, Optional<Integer> replicatesOverride, long defaultSeed,
            Optional<Long> seedOverride, double defaultAlpha, Path artifactRoot, int parallelism,
            double toleratedFailureFraction) {
        this(defaultReplicates, replicatesOverride, defaultSeed, seedOverride, defaultAlpha, artifactRoot, parallelism,
                toleratedFailureFraction, null, null);
    }

    public static ExperimentSettings defaults() {
        return new ExperimentSettings(10, Optional.empty(), io.crystallize.base.Seeds.DEFAULT_MASTER_SEED,
                Optional.empty(), 0.05, io.crystallize.artifacts.ArtifactPlugin.DEFAULT_ROOT, 1, 0.0);
    }

    /** The replicates to run for an annotation value ({@link io.crystallize.annotation.Experiment#UNSET} when unset). */
    public int replicates(int annotated) {
        return replicatesOverride.orElse(annotated == io.crystallize.annotation.Experiment.UNSET ? defaultReplicates : annotated);
    }

    /** The master seed for an annotation value ({@link io.crystallize.annotation.Experiment#UNSET_SEED} when unset). */
    public long seed(long annotated) {
        return seedOverride.orElse(annotated == io.crystallize.annotation.Experiment.UNSET_SEED ? defaultSeed : annotated);
    }

    /** The alpha for an annotation value ({@link io.crystallize.annotation.Hypothesis#UNSET_ALPHA} when unset). */
    public double alpha(double annotated) {
        return annotated == io.crystallize.annotation.Hypothesis.UNSET_ALPHA ? defaultAlpha : annotated;
    }

    /**
     * Finishes an annotated experiment's builder with these settings: replicates and seed (override
     * > annotation > default), then the plugins {@code SeedPlugin}, {@code ArtifactPlugin} at
     * {@link #artifactRoot()} and, when {@link #parallelism()} > 1, {@code ParallelExecution}, and
     * the tolerated failure fraction, and a {@code ProgressPlugin} printing to standard output when
     * {@link #progressInterval()} is set.
     */
    public Experiment build(Experiment.Builder builder, int annotatedReplicates, long annotatedSeed,
            int warmupReplicates, boolean interleaved) {
        builder.replicates(replicates(annotatedReplicates))
                .plugin(new SeedPlugin(seed(annotatedSeed)))
                .plugin(new ArtifactPlugin(artifactRoot, Retention.defaults(), resultWriter));
        if (parallelism > 1) {
            builder.plugin(new ParallelExecution(parallelism));
        }
        if (progressInterval != null) {
            builder.plugin(new ProgressPlugin(progressInterval, System.out::println));
        }
        return builder.options(ExecutionOptions.defaults().withToleratedFailureFraction(toleratedFailureFraction)
                .withWarmupReplicates(warmupReplicates).withInterleaving(interleaved).withTimed(timed)
                .withReuse(reuse)).build();
    }

    /**
     * One artifact of an upstream experiment's latest complete version under {@link #artifactRoot()},
     * per replicate.
     *
     * @param condition the upstream condition, or empty for the fetching run's own
     */
    public DataSource<Path> upstreamArtifact(String experiment, String step, String artifact, String condition) {
        return new ArtifactPlugin(artifactRoot).dataSource(experiment, step, artifact,
                condition.isEmpty() ? null : condition, false);
    }

    /**
     * An annotated experiment's step made to cache its method's outputs (what
     * {@code @Step(cache = true)} asks for): {@code wiring} calls the method and carries its return
     * value on ({@code last}: returns it as the pipeline's output). Outputs are cached as JSON of
     * {@code outputType} under {@code <artifactRoot>/.cache/steps/<experiment>/<step>}, keyed by the
     * method's code and all project code it reaches, the run's current value and every context value.
     *
     * @throws io.crystallize.base.ConfigurationException when the output type cannot be read back from
     *                                                   JSON or the class's code cannot be fingerprinted
     */
    public <E> Step<RunState<E>, Object> cachedStep(String experiment, Step<RunState<E>, Object> wiring,
            Class<?> experimentClass, String method, Class<?> outputType, boolean last) {
        Path directory = artifactRoot.resolve(CachedStep.DEFAULT_DIRECTORY).resolve(Names.require("experiment", experiment));
        return new CachedMethodStep<>(wiring, experimentClass, method, outputType, directory, last);
    }

    /** These settings with runs reused as {@code value} says (an experiment's annotation may say otherwise). */
    public ExperimentSettings withReuse(ReusePolicy value) {
        return new ExperimentSettings(defaultReplicates, replicatesOverride, defaultSeed, seedOverride, defaultAlpha,
                artifactRoot, parallelism, toleratedFailureFraction, resultWriter, progressInterval, value, timed);
    }

    /**
     * These settings for one annotated experiment class: its {@code @Experiment(reuse = ...)} beats
     * the configured reuse, and {@code @Experiment(timed = true)} declares it measures time.
     */
    public ExperimentSettings forExperiment(Class<?> experimentClass) {
        io.crystallize.annotation.Experiment annotation = experimentClass == null ? null
                : experimentClass.getAnnotation(io.crystallize.annotation.Experiment.class);
        if (annotation == null) {
            return this;
        }
        ReusePolicy policy = switch (annotation.reuse()) {
            case CONFIGURED -> reuse;
            case NEVER -> ReusePolicy.NEVER;
            case UNLESS_TIMING -> ReusePolicy.UNLESS_TIMING;
            case ALWAYS -> ReusePolicy.ALWAYS;
        };
        return new ExperimentSettings(defaultReplicates, replicatesOverride, defaultSeed, seedOverride, defaultAlpha,
                artifactRoot, parallelism, toleratedFailureFraction, resultWriter, progressInterval, policy,
                timed || annotation.timed());
    }

    public ExperimentSettings withReplicatesOverride(int value) {
        return new ExperimentSettings(defaultReplicates, Optional.of(value), defaultSeed, seedOverride, defaultAlpha,
                artifactRoot, parallelism, toleratedFailureFraction, resultWriter, progressInterval, reuse, timed);
    }

    public ExperimentSettings withArtifactRoot(Path value) {
        return new ExperimentSettings(defaultReplicates, replicatesOverride, defaultSeed, seedOverride, defaultAlpha,
                value, parallelism, toleratedFailureFraction, resultWriter, progressInterval, reuse, timed);
    }

    public ExperimentSettings withParallelism(int value) {
        return new ExperimentSettings(defaultReplicates, replicatesOverride, defaultSeed, seedOverride, defaultAlpha,
                artifactRoot, value, toleratedFailureFraction, resultWriter, progressInterval, reuse, timed);
    }

    /** These settings with progress lines at most every {@code interval} ({@code null}: none). */
    public ExperimentSettings withProgress(Duration interval) {
        return new ExperimentSettings(defaultReplicates, replicatesOverride, defaultSeed, seedOverride, defaultAlpha,
                artifactRoot, parallelism, toleratedFailureFraction, resultWriter, interval, reuse, timed);
    }

    /** These settings with results written through {@code writer} ({@code null}: before each execution returns). */
    public ExperimentSettings withResultWriter(ResultWriter writer) {
        return new ExperimentSettings(defaultReplicates, replicatesOverride, defaultSeed, seedOverride, defaultAlpha,
                artifactRoot, parallelism, toleratedFailureFraction, writer, progressInterval, reuse, timed);
    }
}
