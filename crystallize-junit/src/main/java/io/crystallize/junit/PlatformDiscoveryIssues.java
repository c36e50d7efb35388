package io.crystallize.junit;

import java.util.List;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;

/**
 * Where discovery reports a problem with an experiment or the configuration. From JUnit Platform
 * 1.13 (JUnit 5.13) on, problems are the platform's discovery issues: the launcher shows warnings
 * and fails the engine on errors. Older platforms have no such channel: warnings are logged, and
 * errors are kept so that the engine node fails with them when executed, never leaving a broken
 * experiment silently unrun.
 */
interface PlatformDiscoveryIssues {

    /** The channel the platform of this class path offers. */
    static PlatformDiscoveryIssues of(EngineDiscoveryRequest request, UniqueId engineId) {
        return Feature.ISSUES ? new ForwardedDiscoveryIssues(request, engineId) : new CollectedDiscoveryIssues();
    }

    /** An error that keeps the engine from running; {@code source} and {@code cause} may be null. */
    void error(String message, TestSource source, Throwable cause);

    /** A problem the engine can run despite; {@code source} may be null. */
    void warning(String message, TestSource source);

    /** Errors the platform could not be told about: executing the engine node must fail with them. */
    List<String> undeliveredErrors();

    /** Present from Platform 1.13 on: {@code org.junit.platform.engine.DiscoveryIssue}. */
    final class Feature {
        static final boolean ISSUES = hasDiscoveryIssues();

        private Feature() {
        }

        private static boolean hasDiscoveryIssues() {
            try {
                Class.forName("org.junit.platform.engine.support.discovery.DiscoveryIssueReporter", false,
                        EngineDiscoveryRequest.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }
}
