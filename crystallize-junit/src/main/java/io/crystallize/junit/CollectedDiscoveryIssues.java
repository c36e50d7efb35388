package io.crystallize.junit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.junit.platform.engine.TestSource;

/**
 * Discovery problems on platforms before 1.13, which have no discovery issues: warnings go to the
 * log (as the newer launcher prints them), errors are kept, once each, for the engine node to fail
 * with when executed.
 */
final class CollectedDiscoveryIssues implements PlatformDiscoveryIssues {

    private static final Logger LOG = Logger.getLogger(CrystallizeTestEngine.class.getName());

    private final Set<String> errors = new LinkedHashSet<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    @Override
    public void error(String message, TestSource source, Throwable cause) {
        errors.add(message);
    }

    @Override
    public void warning(String message, TestSource source) {
        if (warnings.add(message)) {
            LOG.warning("crystallize: " + message);
        }
    }

    @Override
    public List<String> undeliveredErrors() {
        return new ArrayList<>(errors);
    }
}
