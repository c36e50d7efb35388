package io.crystallize.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one step did in one run: the context keys it read (with values), the keys it wrote
 * (before, after) and the metrics it recorded (values before and after the step). Recorded
 * always, not only in a verbose mode.
 */
public record StepProvenance(String step, Map<String, Object> reads, Map<String, Change> writes,
        Map<String, MetricChange> metrics) {

    public StepProvenance {
        // unmodifiable copies, not Map.copyOf: a context value may be null
        reads = reads.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(reads));
        writes = writes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(writes));
        metrics = metrics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A context key's value before and after a step ({@code before} is {@code null} for a new key). */
    public record Change(Object before, Object after) {
    }

    /** A metric's values in the run before and after a step. */
    public record MetricChange(List<Double> before, List<Double> after) {
    }
}
