package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import io.crystallize.hypothesis.Hypothesis;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Overrides for one execution: each {@code null} means "as configured on the experiment".
 *
 * <p>With neither a cancellation nor a time limit, runs go on the calling thread. With either,
 * they go on worker threads while the calling thread watches: when the execution is cancelled or
 * its time runs out, no further run starts, the runs in progress are interrupted, and a run that
 * has not ended a second later is abandoned (its thread is a daemon left to itself, and whatever
 * it produces afterwards is ignored). What finished is kept and handed to the plugins, which write
 * it; then {@code run(...)} throws an {@link ExecutionStoppedException} naming the runs it
 * abandoned.
 *
 * @param treatments the treatments to run, or {@code null} for the experiment's
 * @param hypotheses the hypotheses to verify, or {@code null} for the experiment's
 * @param replicates the replicate count, or {@code null} (then the data source's declared count, then the experiment's)
 * @param cancelled  polled before every run and, while runs are in progress, about ten times a
 *                   second from another thread; when it turns true the execution stops
 * @param timeLimit  wall-clock limit of the execution, from the call of {@code run(...)}, or
 *                   {@code null} for none
 * @param resume     continue the newest version an interrupted execution (killed, stopped by its
 *                   time limit, cancelled) left, when it was started with the same
 *                   {@link RunIdentity}: the runs it finished are kept and only the missing ones
 *                   run; otherwise (nothing to continue, or a different identity) the execution
 *                   starts afresh and the log says why. Needs a plugin that keeps runs
 *                   ({@link DurableRuns}, e.g. the artifact plugin); without one it changes nothing.
 * @param strategy   where this execution's runs go (e.g. forked workers), ahead of the experiment's
 *                   own strategy plugins, or {@code null} for those
 */
public record RunRequest(List<Treatment> treatments, List<Hypothesis> hypotheses, Integer replicates,
        BooleanSupplier cancelled, Duration timeLimit, boolean resume, TaskExecution strategy) {

    /** Never cancelled: the default, which lets runs go on the calling thread. */
    static final BooleanSupplier NOT_CANCELLED = () -> false;

    public RunRequest {
        if (cancelled == null) {
            cancelled = NOT_CANCELLED;
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new ConfigurationException("the time limit of an execution must be positive, got " + timeLimit
                    + ": give a positive duration, or null for no limit");
        }
    }

    /** Overrides that start afresh, with the experiment's own strategy. */
    public RunRequest(List<Treatment> treatments, List<Hypothesis> hypotheses, Integer replicates,
            BooleanSupplier cancelled, Duration timeLimit) {
        this(treatments, hypotheses, replicates, cancelled, timeLimit, false, null);
    }

    /** Overrides without a time limit. */
    public RunRequest(List<Treatment> treatments, List<Hypothesis> hypotheses, Integer replicates,
            BooleanSupplier cancelled) {
        this(treatments, hypotheses, replicates, cancelled, null);
    }

    public static RunRequest defaults() {
        return new RunRequest(null, null, null, NOT_CANCELLED, null, false, null);
    }

    public RunRequest withTreatments(List<Treatment> value) {
        return new RunRequest(value, hypotheses, replicates, cancelled, timeLimit, resume, strategy);
    }

    public RunRequest withHypotheses(List<Hypothesis> value) {
        return new RunRequest(treatments, value, replicates, cancelled, timeLimit, resume, strategy);
    }

    public RunRequest withReplicates(Integer value) {
        return new RunRequest(treatments, hypotheses, value, cancelled, timeLimit, resume, strategy);
    }

    /** Stops the execution when {@code value} turns true ({@code null}: never); it must be thread-safe. */
    public RunRequest withCancellation(BooleanSupplier value) {
        return new RunRequest(treatments, hypotheses, replicates, value, timeLimit, resume, strategy);
    }

    /** Stops the execution when it has taken {@code value} ({@code null}: no limit). */
    public RunRequest withTimeLimit(Duration value) {
        return new RunRequest(treatments, hypotheses, replicates, cancelled, value, resume, strategy);
    }

    /**
     * Continues an interrupted execution with the same identity when {@code value} is true (see
     * the {@code resume} component); the default, false, always starts a new version.
     */
    public RunRequest withResume(boolean value) {
        return new RunRequest(treatments, hypotheses, replicates, cancelled, timeLimit, value, strategy);
    }

    /**
     * Runs this execution's runs through {@code value} (e.g. forked workers) before the
     * experiment's own strategy plugins ({@code null}: those alone).
     */
    public RunRequest withStrategy(TaskExecution value) {
        return new RunRequest(treatments, hypotheses, replicates, cancelled, timeLimit, resume, value);
    }

    /**
     * True when the runs are watched: on a worker thread that the calling thread watches (a time
     * limit), or on the calling thread with its cancellation polled (a cancellation alone).
     */
    boolean supervised() {
        return timeLimit != null || cancelled != NOT_CANCELLED;
    }
}
