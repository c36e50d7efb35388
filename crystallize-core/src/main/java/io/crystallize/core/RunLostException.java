package io.crystallize.core;

/**
 * The recorded failure of a run whose worker went away before it reported an outcome: a child JVM
 * that exited, was killed or ran out of memory, or a cluster member that left. The message names
 * the run, the worker and what is known of why.
 */
public final class RunLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunLostException(String message) {
        super(message);
    }
}
