package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.junit.fixtures.StepCalls;
import io.crystallize.junit.fixtures.chain.AaDownstreamExperiment;
import io.crystallize.junit.fixtures.chain.UpstreamExperiment;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code crystallize.execution.forks}: the engine runs an annotated experiment's runs in child JVMs. */
class ForkedExecutionEngineTest {

    @TempDir
    Path dir;

    @Test
    void forkedRunsGiveTheSameVerdictsAndResultsAsInProcess() throws IOException {
        Path inProcess = dir.resolve("in-process");
        Path forked = dir.resolve("forked");
        EngineExecutionResults serial = Kit.engine(inProcess).selectors(selectClass(ScoreExperiment.class)).execute();
        int callsHere = StepCalls.count(ScoreExperiment.class, "baseline");
        EngineExecutionResults forks = Kit.engine(forked).configurationParameter(Constants.FORKS, "2")
                .configurationParameter(Constants.FORK_JVM_OPTIONS, "-Xmx256m -Xshare:auto")
                .selectors(selectClass(ScoreExperiment.class)).execute();

        assertThat(StepCalls.count(ScoreExperiment.class, "baseline")).as("steps called in this JVM")
                .isEqualTo(callsHere);
        serial.testEvents().assertStatistics(stats -> stats.started(5).succeeded(3).failed(2));
        forks.testEvents().assertStatistics(stats -> stats.started(5).succeeded(3).failed(2));
        for (String condition : List.of("baseline", "faster", "slower", "fastest")) {
            assertThat(results(forked, condition)).isEqualTo(results(inProcess, condition));
        }
    }

    @Test
    void everyExperimentOfAnEngineRunBorrowsTheSameForks() throws IOException {
        Path jvmLogs = Files.createDirectories(dir.resolve("jvm-logs"));
        EngineExecutionResults results = Kit.engine(dir.resolve("results")).configurationParameter(Constants.FORKS, "1")
                .configurationParameter(Constants.FORK_JVM_OPTIONS, "-Xlog:gc:file=" + jvmLogs + "/jvm-%p.log")
                .selectors(selectClass(ScoreExperiment.class), selectClass(UpstreamExperiment.class),
                        selectClass(AaDownstreamExperiment.class))
                .execute();

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        assertThat(results.testEvents().started().count()).isGreaterThan(5);
        try (var logs = Files.list(jvmLogs)) {
            assertThat(logs.toList()).as("worker JVMs started by the engine run (one log each)").hasSize(1);
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("ForkWorkerMain")))
                .as("forks left running after the engine run").isEmpty();
    }

    @Test
    void anInvalidForkCountFailsTheEngineNamingTheKey() {
        EngineExecutionResults results = Kit.engine(dir).configurationParameter(Constants.FORKS, "0")
                .configurationParameter(Constants.FRESH_FORKS, "-1")
                .selectors(selectClass(ScoreExperiment.class)).execute();

        results.allEvents().failed().assertThatEvents().singleElement().satisfies(event ->
                assertThat(event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow()).hasMessageContaining("crystallize.execution.forks=0 is invalid")
                        .hasMessageContaining("crystallize.execution.forks.fresh=-1 is invalid"));
    }

    @Test
    void aClusterKeyWithoutTheClusterModuleFailsTheEngineNamingTheModule() {
        EngineExecutionResults results = Kit.engine(dir).configurationParameter(Constants.CLUSTER, "lab")
                .configurationParameter(Constants.CLUSTER_MEMBERS, "127.0.0.1:5701")
                .selectors(selectClass(ScoreExperiment.class)).execute();

        results.allEvents().failed().assertThatEvents().singleElement().satisfies(event ->
                assertThat(event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow()).hasMessageContaining("crystallize.execution.cluster=lab needs "
                                + "io.crystallize:crystallize-hazelcast on the test class path"));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void forksAndAClusterTogetherAreRefused() {
        EngineExecutionResults results = Kit.engine(dir).configurationParameter(Constants.CLUSTER, "lab")
                .configurationParameter(Constants.FORKS, "2").selectors(selectClass(ScoreExperiment.class)).execute();

        results.allEvents().failed().assertThatEvents().singleElement().satisfies(event ->
                assertThat(event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow()).hasMessageContaining("are both set"));
    }

    private static String results(Path root, String condition) throws IOException {
        Path version = ArtifactPlugin.latestCompleteVersion(root, "ScoreExperiment").orElseThrow();
        return Files.readString(version.resolve(condition).resolve("results.json"));
    }
}
