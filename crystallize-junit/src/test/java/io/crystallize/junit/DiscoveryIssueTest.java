package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.crystallize.junit.fixtures.invalid.StaleExperiment;
import io.crystallize.junit.fixtures.invalid.UngeneratedExperiment;
import io.crystallize.junit.fixtures.outcomes.MixedExperiment;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;

class DiscoveryIssueTest {

    @TempDir
    Path artifacts;

    @Test
    void aStaleGeneratedClassIsAnError() {
        EngineDiscoveryResults results = Kit.engine(artifacts).selectors(selectClass(StaleExperiment.class)).discover();

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        DiscoveryIssue issue = single(results);
        assertThat(issue.severity()).isEqualTo(Severity.ERROR);
        assertThat(issue.message()).contains("StaleExperiment_CrystallizePipeline is stale",
                "hypothesis method upWins() no longer exists", "rebuild");
        assertThat(issue.source()).contains(ClassSource.from(StaleExperiment.class));
    }

    @Test
    void anErrorIssueFailsTheRun() {
        org.junit.platform.testkit.engine.EngineExecutionResults results = Kit.engine(artifacts)
                .selectors(selectClass(StaleExperiment.class)).execute();

        results.containerEvents().assertStatistics(stats -> stats.failed(1));
    }

    @Test
    void aMissingGeneratedClassIsAnErrorUntilTheRuntimeReaderLands() {
        EngineDiscoveryResults results = Kit.engine(artifacts)
                .selectors(selectClass(UngeneratedExperiment.class)).discover();

        DiscoveryIssue issue = single(results);
        assertThat(issue.severity()).isEqualTo(Severity.ERROR);
        assertThat(issue.message()).contains("UngeneratedExperiment_CrystallizePipeline", "annotationProcessorPaths");
    }

    @Test
    void jupiterTestsInAnExperimentAreAWarningAndNotClaimed() {
        EngineDiscoveryResults results = Kit.engine(artifacts).selectors(selectClass(MixedExperiment.class)).discover();

        DiscoveryIssue issue = single(results);
        assertThat(issue.severity()).isEqualTo(Severity.WARNING);
        assertThat(issue.message()).contains("Jupiter");
        assertThat(results.getEngineDescriptor().getDescendants()).extracting(d -> d.getDisplayName())
                .contains("shiftWins").doesNotContain("plainJupiterTest");
    }

    @Test
    void invalidConfigurationIsAnErrorNamingTheKey() {
        EngineDiscoveryResults results = Kit.engine(artifacts)
                .configurationParameter(Constants.OVERRIDE_REPLICATES, "many")
                .configurationParameter(Constants.TIMEOUT, "soon")
                .selectors(selectClass(ScoreExperiment.class)).discover();

        assertThat(results.getDiscoveryIssues()).extracting(DiscoveryIssue::severity).containsOnly(Severity.ERROR);
        assertThat(results.getDiscoveryIssues()).extracting(DiscoveryIssue::message).containsExactlyInAnyOrder(
                "configuration parameter crystallize.override.replicates=many is invalid: not a number"
                        + " (see io.crystallize.junit.Constants)",
                "configuration parameter crystallize.execution.timeout=soon is invalid: expected e.g. 90s, 500ms, 5m,"
                        + " 1h or PT2M (see io.crystallize.junit.Constants)");
    }

    @Test
    void durationsReadInShortAndIsoForm() {
        assertThat(EngineConfiguration.duration("90s")).hasSeconds(90);
        assertThat(EngineConfiguration.duration("500ms")).hasMillis(500);
        assertThat(EngineConfiguration.duration("PT2M")).hasMinutes(2);
    }

    private static DiscoveryIssue single(EngineDiscoveryResults results) {
        assertThat(results.getDiscoveryIssues()).hasSize(1);
        return results.getDiscoveryIssues().get(0);
    }
}
