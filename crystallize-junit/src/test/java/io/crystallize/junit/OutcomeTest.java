package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.cause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.crystallize.base.ConfigurationException;
import io.crystallize.junit.fixtures.StepCalls;
import io.crystallize.junit.fixtures.outcomes.BrokenExperiment;
import io.crystallize.junit.fixtures.outcomes.DisabledExperiment;
import io.crystallize.junit.fixtures.outcomes.ErrorExperiment;
import io.crystallize.junit.fixtures.outcomes.FlakyExperiment;
import io.crystallize.junit.fixtures.outcomes.InconclusiveExperiment;
import io.crystallize.junit.fixtures.outcomes.PerRequestExperiment;
import io.crystallize.junit.fixtures.outcomes.SlowExperiment;
import io.crystallize.junit.fixtures.outcomes.StuckExperiment;
import io.crystallize.junit.fixtures.outcomes.TwoMetricExperiment;
import io.crystallize.junit.fixtures.outcomes.UnwritableResultsExperiment;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class OutcomeTest {

    @TempDir
    Path artifacts;

    @BeforeEach
    void resetCounts() {
        StepCalls.reset();
    }

    @Test
    void supportedPassesAndPublishesStatisticsAndResults() {
        EngineExecutionResults results = Kit.engine(artifacts).selectors(selectClass(ScoreExperiment.class)).execute();

        Event faster = results.testEvents().succeeded().filter(e -> e.getTestDescriptor().getLegacyReportingName()
                .equals("fasterWins[faster]")).findFirst().orElseThrow();
        ReportEntry statistics = results.allEvents().reportingEntryPublished()
                .filter(e -> e.getTestDescriptor().equals(faster.getTestDescriptor()))
                .map(e -> e.getRequiredPayload(ReportEntry.class)).findFirst().orElseThrow();
        assertThat(statistics.getKeyValuePairs())
                .containsEntry("status", "SUPPORTED")
                .containsEntry("metric", "score")
                .containsEntry("masterSeed", "7")
                .containsEntry("nBaseline", "8")
                .containsKeys("baselineMean", "treatmentMean", "pValue", "adjustedPValue", "effectSize", "ci95",
                        "method", "test", "mde80", "mde80Standardized");
        assertThat(Math.abs(Double.parseDouble(statistics.getKeyValuePairs().get("mde80")))).isPositive();
        Path directory = results.allEvents().fileEntryPublished().stream()
                .map(e -> e.getRequiredPayload(org.junit.platform.engine.reporting.FileEntry.class).getPath())
                .findFirst().orElseThrow();
        assertThat(directory).startsWith(artifacts.toAbsolutePath()).isDirectory();
        assertThat(Files.exists(directory.resolve("metadata.json"))).isTrue();
    }

    @Test
    void notSupportedFailsWithTheVerdictLine() {
        EngineExecutionResults results = Kit.engine(artifacts).selectors(selectClass(ScoreExperiment.class)).execute();

        results.testEvents().assertThatEvents().haveExactly(2, event(test("slower"), finishedWithFailure(
                instanceOf(AssertionFailedError.class), message(m -> m.startsWith("score: slower ")
                        && m.contains("vs baseline") && m.contains("NOT_SUPPORTED")))));
    }

    @Test
    void inconclusiveAbortsByDefault() {
        EngineExecutionResults results = Kit.engine(artifacts)
                .selectors(selectClass(InconclusiveExperiment.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).aborted(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("more"),
                abortedWithReason(instanceOf(TestAbortedException.class), message(m -> m.contains("INCONCLUSIVE")))));
    }

    @Test
    void inconclusiveFailsUnderAStrictGate() {
        EngineExecutionResults results = Kit.engine(artifacts)
                .configurationParameter(Constants.INCONCLUSIVE_GATE, "fail")
                .selectors(selectClass(InconclusiveExperiment.class)).execute();

        results.testEvents().assertThatEvents().haveExactly(1, event(test("more"), finishedWithFailure(
                instanceOf(AssertionFailedError.class),
                message(m -> m.contains("INCONCLUSIVE") && m.contains("crystallize.gate.inconclusive=fail")))));
    }

    @Test
    void aHypothesisMetricTheFirstRunDidNotRecordFailsTheExperimentThen() {
        EngineExecutionResults results = Kit.engine(artifacts).selectors(selectClass(ErrorExperiment.class)).execute();

        results.containerEvents().assertThatEvents().haveExactly(1, event(container("ErrorExperiment"),
                finishedWithFailure(instanceOf(ConfigurationException.class), message(
                        "metric 'latency' of hypothesis 'latencyDrops' was not recorded by run baseline_rep_0; it "
                                + "recorded [score]: record it in every run, or name a recorded metric in the "
                                + "hypothesis"))));
        assertThat(StepCalls.total()).isEqualTo(1); // of 80 runs
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void aMetricRecordedPerRequestWithoutAnAggregateFailsTheExperimentAfterTheFirstRun() {
        EngineExecutionResults results = Kit.engine(artifacts).selectors(selectClass(PerRequestExperiment.class))
                .execute();

        results.containerEvents().assertThatEvents().haveExactly(1, event(container("PerRequestExperiment"),
                finishedWithFailure(instanceOf(ConfigurationException.class), message(m -> m.startsWith(
                        "metric 'success' was recorded 2000 times in run baseline_rep_0, but hypothesis 'retriesHelp' "
                                + "uses one value per run: declare how to aggregate them (e.g. @Hypothesis(aggregate "
                                + "= Aggregate.MEAN)")))));
        assertThat(StepCalls.total()).isEqualTo(1);
    }

    @Test
    void stepFailureFailsTheAffectedTreatmentWithTheRealException() {
        EngineExecutionResults results = Kit.engine(artifacts).selectors(selectClass(FlakyExperiment.class)).execute();

        results.testEvents().assertThatEvents().haveExactly(1, event(test("fixed"), finishedWithFailure(
                instanceOf(HypothesisError.class), message(m -> m.contains("ERROR")),
                cause(instanceOf(IllegalStateException.class), message("sensor dropped out")))));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
    }

    @Test
    void toleratedFailuresLetTheHypothesisBeVerifiedOnTheRest() {
        EngineExecutionResults results = Kit.engine(artifacts)
                .configurationParameter(Constants.TOLERATED_FAILURES, "0.2")
                .selectors(selectClass(FlakyExperiment.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void resultsThatCannotBeWrittenFailTheEngineNodeNamingTheExperiment() {
        UnwritableResultsExperiment.root = artifacts;
        EngineExecutionResults results = Kit.engine(artifacts).selectors(selectClass(UnwritableResultsExperiment.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(
                instanceOf(java.io.IOException.class),
                message(m -> m.contains("experiment 'UnwritableResultsExperiment'") && m.contains("could not be written")))));
    }

    @Test
    void everyRunFailingFailsTheExperimentToo() {
        EngineExecutionResults results = Kit.engine(artifacts).selectors(selectClass(BrokenExperiment.class)).execute();

        results.testEvents().assertThatEvents().haveExactly(1, event(test("any"), finishedWithFailure(
                cause(instanceOf(UncheckedIOException.class)))));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("BrokenExperiment"),
                finishedWithFailure(message(m -> m.startsWith("every run of experiment 'BrokenExperiment' failed (6 runs)")),
                        cause(instanceOf(UncheckedIOException.class), message(m -> m.contains("data file unreadable"))))));
    }

    @Test
    void severalMetricsPassOnlyWhenEveryOneIsSupported() {
        EngineExecutionResults results = Kit.engine(artifacts)
                .selectors(selectClass(TwoMetricExperiment.class)).execute();

        results.testEvents().assertThatEvents().haveExactly(1, event(test("discount"), finishedWithFailure(
                instanceOf(AssertionFailedError.class),
                message(m -> m.contains("score: discount") && m.contains("SUPPORTED")
                        && m.contains("margin: discount") && m.contains("NOT_SUPPORTED")))));
    }

    @Test
    void timeLimitFailsTheExperimentCleanly() {
        // classes loaded first: in a cold JVM, claiming the first results directory alone can take 300 ms
        Kit.engine(artifacts.resolve("warm-up")).selectors(selectClass(ScoreExperiment.class)).execute();
        StepCalls.reset();
        EngineExecutionResults results = Kit.engine(artifacts)
                .configurationParameter(Constants.TIMEOUT, "300ms")
                .selectors(selectClass(SlowExperiment.class)).execute();

        results.containerEvents().assertThatEvents().haveExactly(1, event(container("SlowExperiment"),
                finishedWithFailure(instanceOf(TimeoutException.class), message(m ->
                        m.startsWith("experiment 'SlowExperiment' exceeded its time limit of PT0.3S")
                                && m.contains("runs finished, the rest were not started")))));
        assertThat(StepCalls.total()).isBetween(1, 40);
    }

    @Test
    void aStuckRunIsNamedTheFinishedRunsAreWrittenAndOtherExperimentsGoOn() throws Exception {
        for (boolean spin : new boolean[] {false, true}) {
            StuckExperiment.SPIN.set(spin);
            StuckExperiment.RELEASE.set(false);
            Path root = artifacts.resolve(spin ? "spin" : "sleep");
            try {
                EngineExecutionResults results = Kit.engine(root).configurationParameter(Constants.TIMEOUT, "500ms")
                        .selectors(selectClass(StuckExperiment.class), selectClass(ScoreExperiment.class)).execute();

                results.containerEvents().assertThatEvents().haveExactly(1, event(container("StuckExperiment"),
                        finishedWithFailure(instanceOf(TimeoutException.class), message(m ->
                                m.startsWith("experiment 'StuckExperiment' exceeded its time limit of PT0.5S")
                                        && m.contains("4 of 8 runs finished, the rest were not started but for the run "
                                        + "stuck at the limit: baseline_rep_2 in step 'hang' ("
                                        + (spin ? "abandoned, still running" : "interrupted") + ")")))));
                results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(3).failed(2)); // ScoreExperiment's
                Path version = root.resolve("StuckExperiment/v0");
                assertThat(io.crystallize.artifacts.ArtifactPlugin.readPartialResult(version)
                        .metric("patient", "score").size()).isEqualTo(2);
                assertThat(version.resolve("baseline/.crystallize_complete")).doesNotExist();
                assertThat(results.allEvents().fileEntryPublished().stream()
                        .map(e -> e.getRequiredPayload(org.junit.platform.engine.reporting.FileEntry.class).getPath()))
                        .contains(version.toAbsolutePath());
            } finally {
                StuckExperiment.RELEASE.set(true);
            }
        }
    }

    @Test
    void disabledExperimentsAreSkippedWithTheirReason() {
        EngineExecutionResults results = Kit.engine(artifacts)
                .selectors(selectClass(DisabledExperiment.class)).execute();

        results.containerEvents().assertThatEvents().haveExactly(1, event(container("DisabledExperiment"),
                skippedWithReason("waiting for the new data set")));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void overridesBeatAnnotations() {
        EngineExecutionResults results = Kit.engine(artifacts)
                .configurationParameter(Constants.OVERRIDE_REPLICATES, "3")
                .selectors(selectClass(ScoreExperiment.class)).execute();

        assertThat(StepCalls.count(ScoreExperiment.class, "baseline")).isEqualTo(3);
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("replicates")))
                .containsOnly("3");
    }
}
