package io.crystallize.core;

import java.util.List;

/**
 * An execution stopped because the JVM could not go on: a run ran out of memory a second time
 * (the first time is an ordinary run failure). The cause is that error, and the message names the
 * run; no further run started.
 */
public final class ExecutionAbortedException extends ExecutionStoppedException {

    private static final long serialVersionUID = 1L;

    ExecutionAbortedException(String message, Throwable cause, Result partial, List<String> abandoned) {
        super(message, cause, partial, abandoned);
    }
}
