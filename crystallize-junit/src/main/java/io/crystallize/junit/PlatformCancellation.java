package io.crystallize.junit;

import org.junit.platform.engine.ExecutionRequest;

/**
 * Whether the launcher asked to stop the test run (JUnit 6's cancellation token, used for
 * fail-fast). Platforms before JUnit 6 cannot cancel a run, so there it is never requested; time
 * limits do not depend on it.
 */
interface PlatformCancellation {

    /** Cancellation as the platform of this class path offers it. */
    static PlatformCancellation of(ExecutionRequest request) {
        return Feature.TOKEN ? new TokenCancellation(request) : () -> false;
    }

    boolean isCancellationRequested();

    /** Present from JUnit 6 on: {@code ExecutionRequest.getCancellationToken()}. */
    final class Feature {
        static final boolean TOKEN = hasCancellationToken();

        private Feature() {
        }

        private static boolean hasCancellationToken() {
            try {
                ExecutionRequest.class.getMethod("getCancellationToken");
                return true;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    }
}
