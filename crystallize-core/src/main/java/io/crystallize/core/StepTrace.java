package io.crystallize.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects one step's reads, writes and recorded-metric counts in one run; interned when finished. */
final class StepTrace {

    private static final String[] NO_NAMES = new String[0];
    private static final int[] NO_COUNTS = new int[0];

    private final String step;
    private Map<String, Object> reads;
    private Map<String, Object> writes;
    private final int[] countsBefore;

    StepTrace(String step, Metrics metrics) {
        this.step = step;
        this.countsBefore = metrics.counts();
    }

    void read(String key, Object value) {
        if (reads == null) {
            reads = new LinkedHashMap<>(4);
        }
        reads.putIfAbsent(key, value);
    }

    void wrote(String key, Object value) {
        if (writes == null) {
            writes = new LinkedHashMap<>(4);
        }
        writes.put(key, value);
    }

    StepRecord finish(Metrics metrics, Provenance.Interner interner) {
        int[] countsAfter = metrics.counts();
        int changed = 0;
        for (int i = 0; i < countsAfter.length; i++) {
            if (countsAfter[i] != (i < countsBefore.length ? countsBefore[i] : 0)) {
                changed++;
            }
        }
        String[] names = changed == 0 ? NO_NAMES : new String[changed];
        int[] before = changed == 0 ? NO_COUNTS : new int[changed];
        int[] after = changed == 0 ? NO_COUNTS : new int[changed];
        int k = 0;
        for (int i = 0; i < countsAfter.length && changed > 0; i++) {
            int b = i < countsBefore.length ? countsBefore[i] : 0;
            if (countsAfter[i] != b) {
                names[k] = metrics.name(i);
                before[k] = b;
                after[k++] = countsAfter[i];
            }
        }
        return interner.intern(new StepRecord(step, frozen(reads), frozen(writes), names, before, after));
    }

    private static Map<String, Object> frozen(Map<String, Object> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return "StepTrace[" + step + ", before " + Arrays.toString(countsBefore) + "]";
    }
}
