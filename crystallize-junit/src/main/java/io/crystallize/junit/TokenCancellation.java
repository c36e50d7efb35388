package io.crystallize.junit;

import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.ExecutionRequest;

/**
 * JUnit 6's cancellation token. The only class that names it: loaded only where
 * {@link PlatformCancellation} found the token, so older platforms never link against it.
 */
final class TokenCancellation implements PlatformCancellation {

    private final CancellationToken token;

    TokenCancellation(ExecutionRequest request) {
        this.token = request.getCancellationToken();
    }

    @Override
    public boolean isCancellationRequested() {
        return token.isCancellationRequested();
    }
}
