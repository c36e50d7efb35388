package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.artifacts.VersionStatus;
import io.crystallize.core.Result;
import io.crystallize.junit.fixtures.StepCalls;
import io.crystallize.junit.fixtures.outcomes.SlowExperiment;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code crystallize.resume}: an experiment stopped by its time limit continues where it stopped. */
class ResumeEngineTest {

    private static final int RUNS = 2 * 50;

    @TempDir
    Path artifacts;

    @Test
    void anExperimentStoppedByItsTimeLimitResumesWithOnlyTheMissingRuns() throws Exception {
        // classes loaded first: in a cold JVM, claiming the first results directory alone can take 300 ms
        Kit.engine(artifacts.resolve("warm-up")).selectors(selectClass(ScoreExperiment.class)).execute();
        StepCalls.reset();
        EngineExecutionResults stopped = Kit.engine(artifacts).configurationParameter(Constants.TIMEOUT, "400ms")
                .selectors(selectClass(SlowExperiment.class)).execute();
        stopped.containerEvents().assertThatEvents().haveExactly(1, event(container("SlowExperiment"),
                finishedWithFailure(instanceOf(TimeoutException.class))));
        Path version = artifacts.resolve("SlowExperiment/v0");
        Result partial = ArtifactPlugin.readPartialResult(version);
        int kept = partial.metric("baseline", "score").size() + partial.metric("patient", "score").size();
        assertThat(kept).isBetween(1, RUNS - 1);

        StepCalls.reset();
        EngineExecutionResults resumed = Kit.engine(artifacts).configurationParameter(Constants.RESUME, "true")
                .selectors(selectClass(SlowExperiment.class)).execute();

        resumed.containerEvents().assertStatistics(stats -> stats.failed(0));
        assertThat(StepCalls.total()).isEqualTo(RUNS - kept);
        assertThat(ArtifactPlugin.versionStatus(version)).isEqualTo(VersionStatus.COMPLETE);
        assertThat(artifacts.resolve("SlowExperiment/v1")).doesNotExist();
        Result whole = ArtifactPlugin.readResult(version);
        assertThat(whole.metric("baseline", "score").size()).isEqualTo(50);
        assertThat(whole.metric("patient", "score").size()).isEqualTo(50);
    }

    @Test
    void withoutTheKeyAStoppedExperimentStartsANewVersion() throws Exception {
        Kit.engine(artifacts.resolve("warm-up")).selectors(selectClass(ScoreExperiment.class)).execute();
        Kit.engine(artifacts).configurationParameter(Constants.TIMEOUT, "300ms")
                .selectors(selectClass(SlowExperiment.class)).execute();
        StepCalls.reset();
        Kit.engine(artifacts).selectors(selectClass(SlowExperiment.class)).execute();
        assertThat(StepCalls.total()).isEqualTo(RUNS);
        assertThat(Files.exists(artifacts.resolve("SlowExperiment/v1"))).isTrue();
    }
}
