package io.crystallize.core;

import java.time.Duration;
import java.util.List;

/** An execution reached the time limit its request gave it. */
public final class TimeLimitExceededException extends ExecutionStoppedException {

    private static final long serialVersionUID = 1L;

    private final Duration limit;

    TimeLimitExceededException(String message, Duration limit, Result partial, List<String> abandoned) {
        super(message, null, partial, abandoned);
        this.limit = limit;
    }

    /** The limit that was exceeded. */
    public Duration limit() {
        return limit;
    }
}
