package io.crystallize.core;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Traces the steps of one run: each step's reads, writes and recorded-metric counts, interned
 * when the step finishes. This is on every run's path, so it copies nothing while a run repeats
 * what the condition's previous run did: a step is compared against the record that step had
 * then (its hint) as it goes, and only a step that departs from its hint collects its own arrays.
 */
final class StepTrace {

    private final Provenance.Interner interner;
    private final int condition;
    private final Metrics metrics;
    private final RunTrace runHint;
    private StepRecord[] records; // null while every finished step is the one in runHint
    private int done;

    private String step;
    private int slot;
    private StepRecord hint; // null once the current step departs from it
    private String[] readKeys = StepRecord.NO_KEYS;
    private Object[] readValues = StepRecord.NO_VALUES;
    private int reads;
    private String[] writeKeys = StepRecord.NO_KEYS;
    private Object[] writeValues = StepRecord.NO_VALUES;
    private int writes;
    private long totalBefore;

    StepTrace(Provenance.Interner interner, int condition, int steps, Metrics metrics) {
        this.interner = interner;
        this.condition = condition;
        this.metrics = metrics;
        RunTrace previous = interner.runHint(condition);
        this.runHint = previous != null && previous.steps.length == steps ? previous : null;
        if (runHint == null) {
            records = new StepRecord[steps];
        }
    }

    /** Starts tracing step {@code index} of the pipeline. */
    void start(String stepName, int index) {
        this.step = stepName;
        this.slot = interner.slot(condition, index);
        StepRecord previous = interner.hint(slot);
        this.hint = previous != null && previous.step.equals(stepName) ? previous : null;
        this.reads = 0;
        this.writes = 0;
        this.totalBefore = metrics.mark();
    }

    void read(String key, Object value) {
        if (hint != null) {
            if (contains(hint.readKeys, reads, key)) {
                return;
            }
            if (reads < hint.readKeys.length && hint.readKeys[reads].equals(key)
                    && Objects.equals(hint.readValues[reads], value)) {
                reads++;
                return;
            }
            depart();
        }
        if (contains(readKeys, reads, key)) {
            return;
        }
        if (reads == readKeys.length) {
            readKeys = Arrays.copyOf(readKeys, Math.max(2, reads * 2));
            readValues = Arrays.copyOf(readValues, readKeys.length);
        }
        readKeys[reads] = key;
        readValues[reads++] = value;
    }

    void wrote(String key, Object value) {
        if (hint != null) {
            if (writes < hint.writeKeys.length && hint.writeKeys[writes].equals(key)
                    && Objects.equals(hint.writeValues[writes], value)) {
                writes++;
                return;
            }
            depart();
        }
        if (writes == writeKeys.length) {
            writeKeys = Arrays.copyOf(writeKeys, Math.max(2, writes * 2));
            writeValues = Arrays.copyOf(writeValues, writeKeys.length);
        }
        writeKeys[writes] = key;
        writeValues[writes++] = value;
    }

    private static boolean contains(String[] keys, int size, String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The step does something its hint did not: from here on it collects its own arrays, starting with the hint's. */
    private void depart() {
        readKeys = Arrays.copyOf(hint.readKeys, Math.max(2, hint.readKeys.length + 1));
        readValues = Arrays.copyOf(hint.readValues, readKeys.length);
        writeKeys = Arrays.copyOf(hint.writeKeys, Math.max(2, hint.writeKeys.length + 1));
        writeValues = Arrays.copyOf(hint.writeValues, writeKeys.length);
        hint = null;
    }

    /** Ends the current step (also one that failed) and adds its interned record to the run's. */
    void finish() {
        StepRecord record;
        if (hint != null && reads == hint.readKeys.length && writes == hint.writeKeys.length
                && metrics.changedSinceMark(totalBefore, hint.metrics, hint.before, hint.after)) {
            record = hint; // the common case: this step did what it did in the previous run
        } else {
            if (hint != null) {
                depart();
            }
            record = interner.intern(slot, newRecord());
        }
        if (records == null && runHint.steps[done] == record) {
            done++;
            return;
        }
        if (records == null) {
            records = Arrays.copyOf(runHint.steps, runHint.steps.length);
        }
        records[done++] = record;
    }

    private StepRecord newRecord() {
        String[] names = StepRecord.NO_KEYS;
        int[] before = StepRecord.NO_COUNTS;
        int[] after = StepRecord.NO_COUNTS;
        Object[] changes = metrics.changesSinceMark(totalBefore);
        if (changes != null) {
            names = (String[]) changes[0];
            before = (int[]) changes[1];
            after = (int[]) changes[2];
        }
        return new StepRecord(step, Arrays.copyOf(readKeys, reads), Arrays.copyOf(readValues, reads),
                Arrays.copyOf(writeKeys, writes), Arrays.copyOf(writeValues, writes), names, before, after);
    }

    /** The shared trace of a run whose every step finished. */
    RunTrace runTrace() {
        return records == null ? runHint : interner.internRun(condition, records);
    }

    /** The trace of a failed run: the steps that finished (the failing one included) and the values it recorded. */
    RunTrace failedTrace(Map<String, double[]> partialValues) {
        return new RunTrace(Arrays.copyOf(records == null ? runHint.steps : records, done), partialValues);
    }
}
