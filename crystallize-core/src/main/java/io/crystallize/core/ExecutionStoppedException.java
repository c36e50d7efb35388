package io.crystallize.core;

import java.util.List;

/**
 * An execution ended before all its runs did. Every run that finished is in
 * {@link #partialResult()}, and the plugins' {@code afterRun} hooks had it (an artifact plugin
 * wrote it, without marking the version complete); runs that had not started are absent from it.
 * Runs that were still going when the execution had to leave them are recorded in it as failed and
 * named by {@link #abandonedRuns()}.
 */
public abstract sealed class ExecutionStoppedException extends RuntimeException
        permits ExecutionCancelledException, TimeLimitExceededException, ExecutionAbortedException {

    private static final long serialVersionUID = 1L;

    private final transient Result partial;
    private final List<String> abandoned;

    ExecutionStoppedException(String message, Throwable cause, Result partial, List<String> abandoned) {
        super(message, cause);
        this.partial = partial;
        this.abandoned = List.copyOf(abandoned);
    }

    /** What was recorded before the execution stopped. */
    public Result partialResult() {
        return partial;
    }

    /**
     * Keys ({@code <condition>_rep_<r>}) of the runs left running, in the order they were to run;
     * a warm-up run has a negative replicate. Empty when every run that started ended.
     */
    public List<String> abandonedRuns() {
        return abandoned;
    }
}
