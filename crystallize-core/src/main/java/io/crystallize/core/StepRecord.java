package io.crystallize.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compact, interned form of one step's provenance in one run: context keys read (with the
 * values, referenced, not copied), keys written, and per recorded metric the value counts before
 * and after the step. Runs that did the same share one instance, so provenance costs next to
 * nothing per run; {@link StepProvenance} is rendered from it on demand.
 */
final class StepRecord {

    static final String[] NO_KEYS = new String[0];
    static final Object[] NO_VALUES = new Object[0];
    static final int[] NO_COUNTS = new int[0];

    final String step;
    final String[] readKeys;
    final Object[] readValues;
    final String[] writeKeys;
    final Object[] writeValues;
    final String[] metrics;
    final int[] before;
    final int[] after;
    private final int hash;

    StepRecord(String step, String[] readKeys, Object[] readValues, String[] writeKeys, Object[] writeValues,
            String[] metrics, int[] before, int[] after) {
        this.step = step;
        this.readKeys = readKeys;
        this.readValues = readValues;
        this.writeKeys = writeKeys;
        this.writeValues = writeValues;
        this.metrics = metrics;
        this.before = before;
        this.after = after;
        int h = step.hashCode();
        h = 31 * h + Arrays.hashCode(readKeys);
        h = 31 * h + Arrays.hashCode(readValues);
        h = 31 * h + Arrays.hashCode(writeKeys);
        h = 31 * h + Arrays.hashCode(metrics);
        h = 31 * h + Arrays.hashCode(before);
        this.hash = 31 * h + Arrays.hashCode(after);
    }

    /** A record from maps (as read back from JSON). */
    static StepRecord of(String step, Map<String, Object> reads, Map<String, Object> writes, String[] metrics,
            int[] before, int[] after) {
        return new StepRecord(step, reads.keySet().toArray(NO_KEYS), reads.values().toArray(),
                writes.keySet().toArray(NO_KEYS), writes.values().toArray(), metrics, before, after);
    }

    Map<String, Object> reads() {
        return map(readKeys, readValues);
    }

    Map<String, Object> writes() {
        return map(writeKeys, writeValues);
    }

    private static Map<String, Object> map(String[] keys, Object[] values) {
        if (keys.length == 0) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof StepRecord r && hash == r.hash && step.equals(r.step)
                && Arrays.equals(readKeys, r.readKeys) && Arrays.equals(readValues, r.readValues)
                && Arrays.equals(writeKeys, r.writeKeys) && Arrays.equals(writeValues, r.writeValues)
                && Arrays.equals(metrics, r.metrics) && Arrays.equals(before, r.before)
                && Arrays.equals(after, r.after);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
