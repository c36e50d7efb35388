package io.crystallize.core;

/** An execution stopped because it was cancelled; runs that had started finished. */
public final class ExecutionCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Result partial;

    ExecutionCancelledException(String message, Result partial) {
        super(message);
        this.partial = partial;
    }

    /** What was recorded before the cancellation. */
    public Result partialResult() {
        return partial;
    }
}
