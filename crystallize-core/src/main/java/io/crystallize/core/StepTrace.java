package io.crystallize.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects one step's reads, writes and recorded metrics in one run; interned when finished. */
final class StepTrace {

    private final String step;
    private final Map<String, Object> reads = new LinkedHashMap<>(4);
    private final Map<String, StepProvenance.Change> writes = new LinkedHashMap<>(2);
    private final Map<String, double[]> metricsBefore;

    StepTrace(String step, Metrics metrics) {
        this.step = step;
        this.metricsBefore = metrics.snapshot();
    }

    void read(String key, Object value) {
        reads.putIfAbsent(key, value);
    }

    void wrote(String key, Object value) {
        writes.put(key, new StepProvenance.Change(null, value));
    }

    StepProvenance finish(Metrics metrics, Provenance.Interner interner) {
        Map<String, double[]> after = metrics.snapshot();
        Map<String, StepProvenance.MetricChange> changes = new LinkedHashMap<>(2);
        after.forEach((name, values) -> {
            double[] before = metricsBefore.getOrDefault(name, new double[0]);
            if (before.length != values.length) {
                changes.put(name, new StepProvenance.MetricChange(boxed(before), boxed(values)));
            }
        });
        return interner.intern(new StepProvenance(step, reads, writes, changes));
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        Arrays.stream(values).forEach(list::add);
        return List.copyOf(list);
    }
}
