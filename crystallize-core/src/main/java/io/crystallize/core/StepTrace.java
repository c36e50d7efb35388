package io.crystallize.core;

import java.util.Arrays;

/**
 * Collects one step's reads, writes and recorded-metric counts in one run, in small arrays (this
 * is on every run's path); interned when finished.
 */
final class StepTrace {

    private final String step;
    private final int index;
    private String[] readKeys = StepRecord.NO_KEYS;
    private Object[] readValues = StepRecord.NO_VALUES;
    private int reads;
    private String[] writeKeys = StepRecord.NO_KEYS;
    private Object[] writeValues = StepRecord.NO_VALUES;
    private int writes;
    private final int[] countsBefore;
    private final long totalBefore;

    StepTrace(String step, int index, Metrics metrics) {
        this.step = step;
        this.index = index;
        this.totalBefore = metrics.total();
        this.countsBefore = metrics.counts();
    }

    void read(String key, Object value) {
        for (int i = 0; i < reads; i++) {
            if (readKeys[i].equals(key)) {
                return;
            }
        }
        if (reads == readKeys.length) {
            readKeys = Arrays.copyOf(readKeys, Math.max(2, reads * 2));
            readValues = Arrays.copyOf(readValues, readKeys.length);
        }
        readKeys[reads] = key;
        readValues[reads++] = value;
    }

    void wrote(String key, Object value) {
        if (writes == writeKeys.length) {
            writeKeys = Arrays.copyOf(writeKeys, Math.max(2, writes * 2));
            writeValues = Arrays.copyOf(writeValues, writeKeys.length);
        }
        writeKeys[writes] = key;
        writeValues[writes++] = value;
    }

    StepRecord finish(Metrics metrics, Provenance.Interner interner) {
        String[] names = StepRecord.NO_KEYS;
        int[] before = StepRecord.NO_COUNTS;
        int[] after = StepRecord.NO_COUNTS;
        if (metrics.total() != totalBefore) {
            int[] countsAfter = metrics.counts();
            int changed = 0;
            for (int i = 0; i < countsAfter.length; i++) {
                if (countsAfter[i] != (i < countsBefore.length ? countsBefore[i] : 0)) {
                    changed++;
                }
            }
            names = new String[changed];
            before = new int[changed];
            after = new int[changed];
            int k = 0;
            for (int i = 0; i < countsAfter.length; i++) {
                int b = i < countsBefore.length ? countsBefore[i] : 0;
                if (countsAfter[i] != b) {
                    names[k] = metrics.name(i);
                    before[k] = b;
                    after[k++] = countsAfter[i];
                }
            }
        }
        return interner.intern(index, new StepRecord(step, trim(readKeys, reads), trim(readValues, reads),
                trim(writeKeys, writes), trim(writeValues, writes), names, before, after));
    }

    private static <T> T[] trim(T[] array, int size) {
        return array.length == size ? array : Arrays.copyOf(array, size);
    }
}
