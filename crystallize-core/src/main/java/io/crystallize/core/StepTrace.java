package io.crystallize.core;

import java.util.Arrays;

/**
 * Collects one step's reads, writes and recorded-metric counts in one run, in small arrays (this
 * is on every run's path); interned when finished.
 */
final class StepTrace {

    private String step;
    private int slot;
    private String[] readKeys = StepRecord.NO_KEYS;
    private Object[] readValues = StepRecord.NO_VALUES;
    private int reads;
    private String[] writeKeys = StepRecord.NO_KEYS;
    private Object[] writeValues = StepRecord.NO_VALUES;
    private int writes;
    private long totalBefore;

    /** Starts tracing a step; one trace is reused for every step of a run. */
    StepTrace start(String stepName, int hintSlot, Metrics metrics) {
        this.step = stepName;
        this.slot = hintSlot;
        this.reads = 0;
        this.writes = 0;
        this.totalBefore = metrics.mark();
        return this;
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
        Object[] changes = metrics.changesSinceMark(totalBefore);
        if (changes != null) {
            names = (String[]) changes[0];
            before = (int[]) changes[1];
            after = (int[]) changes[2];
        }
        StepRecord hint = interner.hint(slot);
        if (hint != null && hint.matches(step, readKeys, readValues, reads, writeKeys, writeValues, writes, names,
                before, after)) {
            return hint; // the common case: this step did what it did in the previous run
        }
        return interner.intern(slot, new StepRecord(step, copy(readKeys, reads), copy(readValues, reads),
                copy(writeKeys, writes), copy(writeValues, writes), names, before, after));
    }

    /** A copy: the trace's arrays are reused by the next step. */
    private static <T> T[] copy(T[] array, int size) {
        return Arrays.copyOf(array, size);
    }
}
