package io.crystallize.junit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * When an execution must start no further run: JUnit cancelled the test run (fail-fast), or the
 * experiment's time limit passed. Polled by the core before every run.
 */
final class Stop implements BooleanSupplier {

    private final PlatformCancellation cancellation;
    private final long deadline;
    private final Optional<Duration> limit;
    private volatile boolean timedOut;

    Stop(PlatformCancellation cancellation, Optional<Duration> limit) {
        this.cancellation = cancellation;
        this.limit = limit;
        this.deadline = limit.map(d -> System.nanoTime() + d.toNanos()).orElse(0L);
    }

    @Override
    public boolean getAsBoolean() {
        if (cancellation.isCancellationRequested()) {
            return true;
        }
        if (limit.isPresent() && System.nanoTime() - deadline >= 0) {
            timedOut = true;
        }
        return timedOut;
    }

    /** True once the time limit stopped the execution (as opposed to a JUnit cancellation). */
    boolean timedOut() {
        return timedOut;
    }

    Optional<Duration> limit() {
        return limit;
    }
}
