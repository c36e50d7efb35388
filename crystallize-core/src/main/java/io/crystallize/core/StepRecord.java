package io.crystallize.core;

import java.util.Arrays;
import java.util.Map;

/**
 * The compact, interned form of one step's provenance in one run: context keys read (with the
 * values, referenced, not copied), keys written, and per recorded metric the value counts before
 * and after the step. Runs that did the same share one instance, so provenance costs next to
 * nothing per run; {@link StepProvenance} is rendered from it on demand.
 */
final class StepRecord {

    final String step;
    final Map<String, Object> reads;
    final Map<String, Object> writes;
    final String[] metrics;
    final int[] before;
    final int[] after;
    private final int hash;

    StepRecord(String step, Map<String, Object> reads, Map<String, Object> writes, String[] metrics, int[] before,
            int[] after) {
        this.step = step;
        this.reads = reads;
        this.writes = writes;
        this.metrics = metrics;
        this.before = before;
        this.after = after;
        int h = step.hashCode();
        h = 31 * h + (reads.isEmpty() ? 0 : reads.hashCode());
        h = 31 * h + (writes.isEmpty() ? 0 : writes.hashCode());
        h = 31 * h + Arrays.hashCode(metrics);
        h = 31 * h + Arrays.hashCode(before);
        this.hash = 31 * h + Arrays.hashCode(after);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof StepRecord r && hash == r.hash && step.equals(r.step)
                && Arrays.equals(metrics, r.metrics) && Arrays.equals(before, r.before)
                && Arrays.equals(after, r.after) && reads.equals(r.reads) && writes.equals(r.writes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
