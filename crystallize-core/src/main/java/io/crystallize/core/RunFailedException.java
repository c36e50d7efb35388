package io.crystallize.core;

import io.crystallize.base.RunFailure;

/** The single run of {@code apply(...)} failed; carries the recorded failure and the original cause. */
public final class RunFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RunFailure failure;

    RunFailedException(RunFailure failure) {
        super(failure.describe(), failure.cause());
        this.failure = failure;
    }

    public RunFailure failure() {
        return failure;
    }
}
