package io.crystallize.core;

import io.crystallize.base.RunFailure;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of a run that did not finish: its failure (the exception's type, message and stack
 * trace, whatever was thrown), the metric values it recorded before (kept in its provenance, not
 * in the result's series) and the steps it got through.
 */
final class FailedRun {

    private static final StepRecord[] NO_STEPS = new StepRecord[0];

    private FailedRun() {
    }

    /**
     * @param step    the step that failed, or {@code null} for the data source or the treatment
     * @param context the run's context, or {@code null} when it was not made (or must not be read)
     * @param trace   the run's trace, or {@code null}
     */
    static RunRecord of(String condition, int replicate, String step, Throwable error, Context context,
            StepTrace trace) {
        RunFailure failure = RunFailure.of(condition, replicate, step, error);
        Map<String, double[]> partial = new LinkedHashMap<>();
        if (context != null) {
            Metrics m = context.metrics();
            int[] length = new int[1];
            for (int i = 0; i < m.nameCount(); i++) {
                double[] values = m.valuesOf(i, length);
                partial.put(m.name(i), Arrays.copyOf(values, length[0]));
            }
        }
        RunTrace failedTrace = trace == null ? new RunTrace(NO_STEPS, partial) : trace.failedTrace(partial);
        List<java.nio.file.Path> artifacts = context == null ? Collections.emptyList() : RunSteps.artifactPaths(context);
        return new RunRecord(null, failedTrace, artifacts, failure);
    }

    /** A run whose thread is still in it: nothing it holds is read, since that thread may change it. */
    static RunRecord abandoned(String condition, int replicate, String step, Throwable why) {
        return new RunRecord(null, new RunTrace(NO_STEPS, Map.of()), Collections.emptyList(),
                RunFailure.of(condition, replicate, step, why));
    }

    /** True when {@code error} says its thread was interrupted. */
    static boolean isInterruption(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) { // a cause chain may loop
            if (t instanceof InterruptedException || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }
}
