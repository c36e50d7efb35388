package io.crystallize.core;

import java.util.Arrays;
import java.util.Map;

/**
 * The provenance of one run: its steps' records in order. Interned, so identical runs share it.
 * A failed run keeps the metric values it recorded before failing (they are not in the result's
 * series) and is never shared.
 */
final class RunTrace {

    final StepRecord[] steps;
    final Map<String, double[]> partialValues;
    private final int hash;

    RunTrace(StepRecord[] steps, Map<String, double[]> partialValues) {
        this.steps = steps;
        this.partialValues = partialValues;
        this.hash = Arrays.hashCode(steps);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RunTrace t && partialValues == null && t.partialValues == null
                && hash == t.hash && Arrays.equals(steps, t.steps);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
