package io.crystallize.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provenance of one condition's runs, run-length encoded over replicates: consecutive replicates
 * with the same (interned) trace share one entry.
 */
final class Provenance {

    private final RunTrace[] traces;
    private final int[] starts;

    Provenance(RunTrace[] traces, int[] starts) {
        this.traces = traces;
        this.starts = starts;
    }

    /** Encodes one trace per replicate ({@code null} for runs that did not start). */
    static Provenance of(RunTrace[] perReplicate) {
        List<RunTrace> traces = new ArrayList<>();
        int[] starts = new int[Math.max(1, perReplicate.length)];
        int n = 0;
        for (int r = 0; r < perReplicate.length; r++) {
            if (n == 0 || traces.get(n - 1) != perReplicate[r]) {
                traces.add(perReplicate[r]);
                starts[n++] = r;
            }
        }
        return new Provenance(traces.toArray(new RunTrace[0]), Arrays.copyOf(starts, n));
    }

    RunTrace at(int replicate) {
        int i = Arrays.binarySearch(starts, replicate);
        return traces[i >= 0 ? i : -i - 2];
    }

    RunTrace[] traces() {
        return traces;
    }

    int[] starts() {
        return starts;
    }

    /** The public form of one run's provenance, metric values taken from {@code values}. */
    static List<StepProvenance> render(RunTrace trace, Map<String, double[]> values) {
        List<StepProvenance> steps = new ArrayList<>(trace.steps.length);
        for (StepRecord record : trace.steps) {
            Map<String, StepProvenance.Change> writes = new LinkedHashMap<>();
            record.writes().forEach((k, v) -> writes.put(k, new StepProvenance.Change(null, v)));
            Map<String, StepProvenance.MetricChange> metrics = new LinkedHashMap<>();
            for (int i = 0; i < record.metrics.length; i++) {
                double[] all = values.getOrDefault(record.metrics[i], new double[0]);
                metrics.put(record.metrics[i], new StepProvenance.MetricChange(
                        boxed(all, record.before[i]), boxed(all, record.after[i])));
            }
            steps.add(new StepProvenance(record.step, record.reads(), writes, metrics));
        }
        return Collections.unmodifiableList(steps);
    }

    private static List<Double> boxed(double[] values, int n) {
        List<Double> list = new ArrayList<>(n);
        for (int i = 0; i < n && i < values.length; i++) {
            list.add(values[i]);
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Shares identical step records and run traces within one execution. Consecutive runs mostly
     * repeat the previous run, so the last record per step (and the last trace) is checked before
     * the shared table; the hints are racy under parallel runs, which only costs a table lookup.
     */
    static final class Interner {
        private final ConcurrentHashMap<StepRecord, StepRecord> steps = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<RunTrace, RunTrace> runs = new ConcurrentHashMap<>();
        // hints per condition: runs alternate between conditions, whose steps read other values
        private final StepRecord[] lastStep;
        private final RunTrace[] lastRun;
        private final int stepsPerRun;

        Interner(int conditions, int stepsPerRun) {
            this.stepsPerRun = stepsPerRun;
            this.lastStep = new StepRecord[conditions * stepsPerRun];
            this.lastRun = new RunTrace[conditions];
        }

        /** The hint slot of a step of a condition. */
        int slot(int condition, int step) {
            return condition * stepsPerRun + step;
        }

        /** The record a step of a condition had in a recent run, or {@code null}. */
        StepRecord hint(int slot) {
            return lastStep[slot];
        }

        /** The trace a recent run of a condition had, or {@code null}. */
        RunTrace runHint(int condition) {
            return lastRun[condition];
        }

        /** The shared trace of a run of a condition whose steps had these (interned) records. */
        RunTrace internRun(int condition, StepRecord[] records) {
            RunTrace hint = lastRun[condition];
            if (hint != null && sameReferences(hint.steps, records)) {
                return hint;
            }
            RunTrace shared = intern(new RunTrace(records, null));
            lastRun[condition] = shared;
            return shared;
        }

        private static boolean sameReferences(StepRecord[] a, StepRecord[] b) {
            if (a.length != b.length) {
                return false;
            }
            for (int i = 0; i < a.length; i++) {
                if (a[i] != b[i]) {
                    return false;
                }
            }
            return true;
        }

        StepRecord intern(int slot, StepRecord record) {
            StepRecord hint = lastStep[slot];
            if (record.equals(hint)) {
                return hint;
            }
            StepRecord existing = steps.putIfAbsent(record, record);
            StepRecord shared = existing == null ? record : existing;
            lastStep[slot] = shared;
            return shared;
        }

        RunTrace intern(RunTrace trace) {
            if (trace.partialValues != null) {
                return trace;
            }
            RunTrace existing = runs.putIfAbsent(trace, trace);
            return existing == null ? trace : existing;
        }
    }
}
