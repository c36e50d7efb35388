package io.crystallize.core;

import java.util.List;

/**
 * An execution stopped because it was cancelled: the request's cancellation turned true, or a
 * thread running it was interrupted (then the cause is an {@link InterruptedException}, and the
 * calling thread's interrupt status is set again if the interrupt was found on it).
 */
public final class ExecutionCancelledException extends ExecutionStoppedException {

    private static final long serialVersionUID = 1L;

    ExecutionCancelledException(String message, Throwable cause, Result partial, List<String> abandoned) {
        super(message, cause, partial, abandoned);
    }
}
