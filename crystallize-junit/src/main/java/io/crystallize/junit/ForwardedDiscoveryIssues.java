package io.crystallize.junit;

import java.util.List;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Discovery problems as the platform's discovery issues (Platform 1.13 and later), each reported
 * once. The only class that names the discovery-issue API: loaded only where
 * {@link PlatformDiscoveryIssues} found it, so older platforms never link against it.
 */
final class ForwardedDiscoveryIssues implements PlatformDiscoveryIssues {

    private final DiscoveryIssueReporter reporter;

    ForwardedDiscoveryIssues(EngineDiscoveryRequest request, UniqueId engineId) {
        this.reporter = DiscoveryIssueReporter.deduplicating(
                DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), engineId));
    }

    @Override
    public void error(String message, TestSource source, Throwable cause) {
        report(Severity.ERROR, message, source, cause);
    }

    @Override
    public void warning(String message, TestSource source) {
        report(Severity.WARNING, message, source, null);
    }

    @Override
    public List<String> undeliveredErrors() {
        return List.of();
    }

    private void report(Severity severity, String message, TestSource source, Throwable cause) {
        DiscoveryIssue.Builder issue = DiscoveryIssue.builder(severity, message);
        if (source != null) {
            issue.source(source);
        }
        if (cause != null) {
            issue.cause(cause);
        }
        reporter.reportIssue(issue);
    }
}
