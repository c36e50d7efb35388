package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.crystallize.junit.fixtures.StepCalls;
import io.crystallize.junit.fixtures.outcomes.MixedExperiment;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

class DiscoveryIssueTest {

    @TempDir
    Path artifacts;

    @TempDir
    Path work;

    @Test
    void aStaleGeneratedClassIsAnError() {
        Class<?> stale = staleExperiment();
        EngineDiscoveryResults results = Kit.engine(artifacts).selectors(selectClass(stale)).discover();

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        DiscoveryIssue issue = single(results);
        assertThat(issue.severity()).isEqualTo(Severity.ERROR);
        assertThat(issue.message()).contains("experiment " + stale.getName() + " cannot run",
                "StaleExperiment_CrystallizePipeline is stale", "generated from model", "rebuild");
        assertThat(issue.source()).contains(ClassSource.from(stale));
    }

    @Test
    void anErrorIssueFailsTheRun() {
        org.junit.platform.testkit.engine.EngineExecutionResults results = Kit.engine(artifacts)
                .selectors(selectClass(staleExperiment())).execute();

        results.containerEvents().assertStatistics(stats -> stats.failed(1));
    }

    @Test
    void aClassCompiledWithoutTheProcessorRunsThroughTheRuntimeReaderWithAWarning() {
        Path classes = Compiled.compile(work.resolve("plain"), false, Compiled.source("RuntimeReadExperiment"));
        Class<?> plain = Compiled.load(Compiled.loader(classes), "RuntimeReadExperiment");
        StepCalls.reset();

        EngineDiscoveryResults discovered = Kit.engine(artifacts).selectors(selectClass(plain)).discover();
        EngineExecutionResults executed = Kit.engine(artifacts).selectors(selectClass(plain)).execute();

        DiscoveryIssue issue = single(discovered);
        assertThat(issue.severity()).isEqualTo(Severity.WARNING);
        assertThat(issue.message()).contains(plain.getName(), "compiled without crystallize-processor",
                "compile-time checks were skipped", "annotationProcessorPaths", "testAnnotationProcessor");
        assertThat(issue.source()).contains(ClassSource.from(plain));
        assertThat(StepCalls.count(plain, "baseline")).isEqualTo(6);
        executed.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        executed.testEvents().assertThatEvents()
                .haveExactly(1, event(test("upWins"), finishedSuccessfully()))
                .haveExactly(1, event(test("downWins"), finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.startsWith("score: down ") && m.contains("NOT_SUPPORTED")))));
    }

    @Test
    void anInvalidClassIsAnErrorNamingEveryProblem() {
        Path classes = Compiled.compile(work.resolve("invalid"), false, Compiled.source("InvalidExperiment"));
        Class<?> invalid = Compiled.load(Compiled.loader(classes), "InvalidExperiment");

        EngineDiscoveryResults results = Kit.engine(artifacts).selectors(selectClass(invalid)).discover();

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        DiscoveryIssue issue = single(results);
        assertThat(issue.severity()).isEqualTo(Severity.ERROR);
        assertThat(issue.message()).contains("experiment " + invalid.getName() + " cannot run",
                "upWins", "alpha must lie in (0, 1), got 2.0", "sidewaysWins", "'sideways'");
        assertThat(issue.source()).contains(ClassSource.from(invalid));
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
    void durationsReadInShortAndIsoForm() {
        assertThat(EngineConfiguration.duration("90s")).hasSeconds(90);
        assertThat(EngineConfiguration.duration("500ms")).hasMillis(500);
        assertThat(EngineConfiguration.duration("PT2M")).hasMinutes(2);
    }

    /**
     * A build that skipped the processor after an edit: version 1 compiled with it (the generated
     * class), then its hypothesis method renamed and compiled without it; loaded together.
     */
    private Class<?> staleExperiment() {
        String original = Compiled.source("StaleExperiment");
        Path v1 = Compiled.compile(work.resolve("v1"), true, original);
        Path v2 = Compiled.compile(work.resolve("v2"), false, original.replace("void upWins()", "void upWinsRenamed()"));
        assertThat(v1.resolve(Compiled.PACKAGE.replace('.', '/') + "/StaleExperiment_CrystallizePipeline.class"))
                .exists();
        return Compiled.load(Compiled.loader(v2, v1), "StaleExperiment");
    }

    private static DiscoveryIssue single(EngineDiscoveryResults results) {
        assertThat(results.getDiscoveryIssues()).hasSize(1);
        return results.getDiscoveryIssues().get(0);
    }
}
