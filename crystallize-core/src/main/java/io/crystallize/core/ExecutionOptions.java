package io.crystallize.core;

import io.crystallize.base.ConfigurationException;

/**
 * How runs are ordered and judged.
 *
 * @param warmupReplicates         replicates run first and left out of results and pairing (own indices −w..−1 and seeds)
 * @param interleaved              rotate the condition order per replicate instead of baseline first (for timings)
 * @param toleratedFailureFraction fraction of runs a hypothesis may miss and still be verified on the rest
 * @param timed                    the experiment measures time (its values depend on the machine and its load)
 * @param reuse                    whether conditions may take an earlier execution's runs (default: never)
 */
public record ExecutionOptions(int warmupReplicates, boolean interleaved, double toleratedFailureFraction,
        boolean timed, ReusePolicy reuse) {

    public ExecutionOptions(int warmupReplicates, boolean interleaved, double toleratedFailureFraction) {
        this(warmupReplicates, interleaved, toleratedFailureFraction, false, ReusePolicy.NEVER);
    }

    public ExecutionOptions {
        java.util.Objects.requireNonNull(reuse, "reuse");
        if (warmupReplicates < 0) {
            throw new ConfigurationException("warm-up replicates must be >= 0, got " + warmupReplicates);
        }
        if (!(toleratedFailureFraction >= 0 && toleratedFailureFraction < 1)) {
            throw new ConfigurationException("tolerated failure fraction must lie in [0, 1), got " + toleratedFailureFraction);
        }
    }

    public static ExecutionOptions defaults() {
        return new ExecutionOptions(0, false, 0.0);
    }

    public ExecutionOptions withWarmupReplicates(int value) {
        return new ExecutionOptions(value, interleaved, toleratedFailureFraction, timed, reuse);
    }

    public ExecutionOptions withInterleaving(boolean value) {
        return new ExecutionOptions(warmupReplicates, value, toleratedFailureFraction, timed, reuse);
    }

    public ExecutionOptions withToleratedFailureFraction(double value) {
        return new ExecutionOptions(warmupReplicates, interleaved, value, timed, reuse);
    }

    /** Declares that the experiment measures time, so its runs are not reused unless {@link ReusePolicy#ALWAYS}. */
    public ExecutionOptions withTimed(boolean value) {
        return new ExecutionOptions(warmupReplicates, interleaved, toleratedFailureFraction, value, reuse);
    }

    /** Whether conditions may take the runs of an earlier execution with equal fingerprints. */
    public ExecutionOptions withReuse(ReusePolicy value) {
        return new ExecutionOptions(warmupReplicates, interleaved, toleratedFailureFraction, timed, value);
    }

    /** True for experiments that time code: declared so, or with warm-up replicates or interleaved conditions. */
    public boolean measuresTime() {
        return timed || warmupReplicates > 0 || interleaved;
    }
}
