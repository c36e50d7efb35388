package io.crystallize.definition;

import java.nio.file.Path;
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
 */
public record ExperimentSettings(int defaultReplicates, Optional<Integer> replicatesOverride, long defaultSeed,
        Optional<Long> seedOverride, double defaultAlpha, Path artifactRoot, int parallelism,
        double toleratedFailureFraction) {

    public static ExperimentSettings defaults() {
        return new ExperimentSettings(10, Optional.empty(), io.crystallize.core.Seeds.DEFAULT_MASTER_SEED,
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

    public ExperimentSettings withReplicatesOverride(int value) {
        return new ExperimentSettings(defaultReplicates, Optional.of(value), defaultSeed, seedOverride, defaultAlpha,
                artifactRoot, parallelism, toleratedFailureFraction);
    }

    public ExperimentSettings withArtifactRoot(Path value) {
        return new ExperimentSettings(defaultReplicates, replicatesOverride, defaultSeed, seedOverride, defaultAlpha,
                value, parallelism, toleratedFailureFraction);
    }

    public ExperimentSettings withParallelism(int value) {
        return new ExperimentSettings(defaultReplicates, replicatesOverride, defaultSeed, seedOverride, defaultAlpha,
                artifactRoot, value, toleratedFailureFraction);
    }
}
