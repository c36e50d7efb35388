package io.crystallize.junit;

import java.util.function.BooleanSupplier;

/**
 * Whether JUnit cancelled the test run (fail-fast): polled by the core before every run and while
 * runs are in progress. The time limit is not here: it is the core's own
 * ({@code RunRequest.withTimeLimit}), so it works whatever the platform offers.
 */
final class Stop implements BooleanSupplier {

    private final PlatformCancellation cancellation;

    Stop(PlatformCancellation cancellation) {
        this.cancellation = cancellation;
    }

    @Override
    public boolean getAsBoolean() {
        return cancellation.isCancellationRequested();
    }
}
