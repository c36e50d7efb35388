package io.crystallize.core;

/**
 * A step's teardown failed after the execution completed. The result was already built and
 * written by the plugins; it is kept here.
 */
public final class TeardownException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Result result;

    TeardownException(String message, Throwable cause, Result result) {
        super(message, cause);
        this.result = result;
    }

    public Result result() {
        return result;
    }
}
