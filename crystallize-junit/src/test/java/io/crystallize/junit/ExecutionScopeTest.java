package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.junit.fixtures.StepCalls;
import io.crystallize.junit.fixtures.chain.AaDownstreamExperiment;
import io.crystallize.junit.fixtures.chain.UpstreamExperiment;
import io.crystallize.junit.fixtures.outcomes.InconclusiveExperiment;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.TestAbortedException;

class ExecutionScopeTest {

    @TempDir
    Path artifacts;

    @BeforeEach
    void resetCounts() {
        StepCalls.reset();
    }

    @Test
    void oneHypothesisRunsTheBaselineAndItsTreatmentsOnly() {
        Kit.engine(artifacts).selectors(selectMethod(ScoreExperiment.class, "fasterWins")).execute();

        assertThat(StepCalls.count(ScoreExperiment.class, "baseline")).isEqualTo(8);
        assertThat(StepCalls.count(ScoreExperiment.class, "faster")).isEqualTo(8);
        assertThat(StepCalls.count(ScoreExperiment.class, "slower")).isZero();
        assertThat(StepCalls.count(ScoreExperiment.class, "fastest")).isZero();
    }

    @Test
    void oneTreatmentNodeRunsItsHypothesisWholeFamily() {
        Kit.engine(artifacts).selectors(selectUniqueId(DiscoveryTest.SCORE.append("hypothesis", "everyTreatmentWins")
                .append("treatment", "faster"))).execute();

        assertThat(StepCalls.count(ScoreExperiment.class, "slower")).isEqualTo(8);
        assertThat(StepCalls.count(ScoreExperiment.class, "fastest")).isEqualTo(8);
    }

    @Test
    void aFullSelectionRunsEveryCondition() {
        Kit.engine(artifacts).selectors(selectClass(ScoreExperiment.class)).execute();

        assertThat(StepCalls.total()).isEqualTo(4 * 8);
    }

    @Test
    void cancellationStopsTheExperimentBetweenRunsAndSkipsTheRest() {
        CancellationToken token = CancellationToken.create();
        StepCalls.cancelDuringCall(5, token);

        EngineExecutionResults results = Kit.engine(artifacts)
                .cancellationToken(token)
                .selectors(selectClass(ScoreExperiment.class), selectClass(InconclusiveExperiment.class))
                .execute();

        assertThat(StepCalls.total()).isEqualTo(5);
        assertThat(StepCalls.afterCancel()).isZero();
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container("ScoreExperiment"), abortedWithReason(
                        instanceOf(TestAbortedException.class), message(m -> m.contains("was cancelled")))))
                .haveExactly(1, event(container("InconclusiveExperiment"), skippedWithReason(r -> true)));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void aMissingUpstreamRunsFirst() throws Exception {
        EngineExecutionResults results = Kit.engine(artifacts)
                .selectors(selectClass(AaDownstreamExperiment.class)).execute();

        assertThat(StepCalls.count(UpstreamExperiment.class, "baseline")).isEqualTo(3);
        assertThat(ArtifactPlugin.latestCompleteVersion(artifacts, "UpstreamExperiment")).isPresent();
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(m -> m.containsKey("upstream"))).hasSize(1);
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void anUpstreamWithResultsIsNotRunAgain() {
        Kit.engine(artifacts).selectors(selectClass(UpstreamExperiment.class)).execute();
        StepCalls.reset();

        Kit.engine(artifacts).selectors(selectClass(AaDownstreamExperiment.class)).execute();

        assertThat(StepCalls.count(UpstreamExperiment.class, "baseline")).isZero();
        assertThat(StepCalls.count(AaDownstreamExperiment.class, "baseline")).isEqualTo(3);
    }

    @Test
    void aReplicatesOverrideBeatsTheUpstreamSourcesCountAndCannotExceedIt() {
        Kit.engine(artifacts).selectors(selectClass(UpstreamExperiment.class)).execute();
        StepCalls.reset();

        Kit.engine(artifacts).configurationParameter(Constants.OVERRIDE_REPLICATES, "2")
                .selectors(selectClass(AaDownstreamExperiment.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(1).finished(1));
        assertThat(StepCalls.count(AaDownstreamExperiment.class, "baseline")).isEqualTo(2);

        StepCalls.reset();
        EngineExecutionResults tooMany = Kit.engine(artifacts).configurationParameter(Constants.OVERRIDE_REPLICATES, "5")
                .selectors(selectClass(AaDownstreamExperiment.class)).execute();
        assertThat(StepCalls.count(AaDownstreamExperiment.class, "baseline")).isZero();
        tooMany.containerEvents().assertThatEvents().haveExactly(1, event(container("AaDownstreamExperiment"),
                org.junit.platform.testkit.engine.EventConditions.finishedWithFailure(
                        message(m -> m.contains("replicates") && m.contains("3")))));
    }

    @Test
    void aSelectedUpstreamRunsOnceBeforeItsDownstream() {
        EngineExecutionResults results = Kit.engine(artifacts)
                .selectors(selectClass(AaDownstreamExperiment.class), selectClass(UpstreamExperiment.class)).execute();

        assertThat(StepCalls.count(UpstreamExperiment.class, "baseline")).isEqualTo(3);
        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsSubsequence("UpstreamExperiment", "AaDownstreamExperiment");
    }
}
