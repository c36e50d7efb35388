package io.crystallize.core;

import io.crystallize.base.ConfigurationException;

/**
 * How runs are ordered and judged.
 *
 * @param warmupReplicates         replicates run first and left out of results and pairing (own indices −w..−1 and seeds)
 * @param interleaved              rotate the condition order per replicate instead of baseline first (for timings)
 * @param toleratedFailureFraction fraction of runs a hypothesis may miss and still be verified on the rest
 */
public record ExecutionOptions(int warmupReplicates, boolean interleaved, double toleratedFailureFraction) {

    public ExecutionOptions {
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
        return new ExecutionOptions(value, interleaved, toleratedFailureFraction);
    }

    public ExecutionOptions withInterleaving(boolean value) {
        return new ExecutionOptions(warmupReplicates, value, toleratedFailureFraction);
    }

    public ExecutionOptions withToleratedFailureFraction(double value) {
        return new ExecutionOptions(warmupReplicates, interleaved, value);
    }
}
