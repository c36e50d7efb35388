package io.crystallize.core;

import io.crystallize.hypothesis.Hypothesis;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Overrides for one execution: each {@code null} means "as configured on the experiment".
 *
 * @param treatments the treatments to run, or {@code null} for the experiment's
 * @param hypotheses the hypotheses to verify, or {@code null} for the experiment's
 * @param replicates the replicate count, or {@code null} (then the data source's declared count, then the experiment's)
 * @param cancelled  polled before every run; when it turns true no further run starts
 */
public record RunRequest(List<Treatment> treatments, List<Hypothesis> hypotheses, Integer replicates,
        BooleanSupplier cancelled) {

    public static RunRequest defaults() {
        return new RunRequest(null, null, null, () -> false);
    }

    public RunRequest withTreatments(List<Treatment> value) {
        return new RunRequest(value, hypotheses, replicates, cancelled);
    }

    public RunRequest withHypotheses(List<Hypothesis> value) {
        return new RunRequest(treatments, value, replicates, cancelled);
    }

    public RunRequest withReplicates(Integer value) {
        return new RunRequest(treatments, hypotheses, value, cancelled);
    }

    public RunRequest withCancellation(BooleanSupplier value) {
        return new RunRequest(treatments, hypotheses, replicates, value);
    }
}
