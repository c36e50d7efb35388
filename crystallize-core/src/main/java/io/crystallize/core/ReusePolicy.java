package io.crystallize.core;

/**
 * Whether an execution may take a condition's runs from an earlier execution instead of running
 * them, when the condition's fingerprint (its code, parameters, seeds, replicates and inputs)
 * equals that of a complete earlier version. Reuse needs a plugin that stores results and finds
 * earlier versions (the {@code ArtifactPlugin}).
 */
public enum ReusePolicy {

    /** Every run is run (fingerprints are still recorded where results are stored: they identify runs to resume). */
    NEVER,

    /**
     * Reuse, except for experiments that time code (warm-up replicates, interleaved conditions, or
     * declared to measure time): their values depend on the machine and its load, not only on code.
     */
    UNLESS_TIMING,

    /** Reuse whenever fingerprints match, timing experiments included. */
    ALWAYS;

    /** Whether runs of an experiment with these options may be reused. */
    public boolean allows(ExecutionOptions options) {
        return switch (this) {
            case NEVER -> false;
            case ALWAYS -> true;
            case UNLESS_TIMING -> !options.measuresTime();
        };
    }
}
