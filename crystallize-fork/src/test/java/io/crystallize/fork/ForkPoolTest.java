package io.crystallize.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Result;
import io.crystallize.core.RunRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pool's forks are real child JVMs that outlive executions. */
class ForkPoolTest {

    @TempDir
    Path dir;

    @Test
    void executionsThroughAPoolShareItsForksAndMatchInProcessResults() throws IOException {
        Result serial = SampleExperiment.build(dir.resolve("serial")).run();
        try (ForkPool pool = ForkPool.start(2, List.of("-Xmx256m"))) {
            ForkedExecution forks = new ForkedExecution(pool, ExperimentSource.factory(PidExperiment.class));
            Set<Long> first = pids(new PidExperiment().get().run(RunRequest.defaults().withStrategy(forks)));
            Set<Long> second = pids(new PidExperiment().get().run(RunRequest.defaults().withStrategy(forks)));

            assertThat(first).hasSize(2).doesNotContain(ProcessHandle.current().pid());
            assertThat(second).as("the same JVMs ran the second execution").isEqualTo(first);
            for (int i = 1; i <= 2; i++) {
                Path root = dir.resolve("pooled-" + i);
                Result pooled = SampleExperiment.build(root).run(RunRequest.defaults().withStrategy(
                        new ForkedExecution(pool, ExperimentSource.factory(SampleExperiment.class))));
                assertThat(pooled.errors()).isEmpty();
                assertThat(pooled.metrics()).isEqualTo(serial.metrics());
                for (String condition : List.of("baseline", "shifted")) {
                    assertThat(results(root, condition)).isEqualTo(results(dir.resolve("serial"), condition));
                }
            }
            assertThat(workers()).containsAll(first);
        }
        assertThat(workers()).as("forks left running after the pool closed").isEmpty();
    }

    @Test
    void aForkKilledWhileIdleIsReplacedForTheNextExecution() {
        try (ForkPool pool = ForkPool.start(2, List.of())) {
            ForkedExecution forks = new ForkedExecution(pool, ExperimentSource.factory(PidExperiment.class));
            Set<Long> first = pids(new PidExperiment().get().run(RunRequest.defaults().withStrategy(forks)));
            long victim = first.iterator().next();
            ProcessHandle handle = ProcessHandle.of(victim).orElseThrow();
            handle.destroyForcibly();
            handle.onExit().join();

            Result second = new PidExperiment().get().run(RunRequest.defaults().withStrategy(forks));
            assertThat(second.errors()).isEmpty();
            assertThat(pids(second)).hasSize(2).doesNotContain(victim);
        }
    }

    @Test
    void freshForksFromAPoolNeverRunTwoConditions() {
        try (ForkPool pool = ForkPool.start(2, List.of())) {
            ForkedExecution shared = new ForkedExecution(pool, ExperimentSource.factory(PidExperiment.class));
            Set<Long> used = pids(new PidExperiment().get().run(RunRequest.defaults().withStrategy(shared)));
            Result fresh = new PidExperiment().get().run(RunRequest.defaults().withStrategy(shared.withFreshForks(2)));

            Set<Long> baseline = pids(fresh, "baseline");
            Set<Long> shifted = pids(fresh, "shifted");
            assertThat(baseline).hasSize(2);
            assertThat(shifted).hasSize(2).doesNotContainAnyElementsOf(baseline);
            assertThat(baseline).as("forks that served an execution before are not fresh")
                    .doesNotContainAnyElementsOf(used);
            assertThat(shifted).doesNotContainAnyElementsOf(used);
        }
    }

    @Test
    void aPoolRefusesOptionsOtherThanItsOwnAndAClosedPoolRefusesExecutions() {
        ForkPool pool = ForkPool.start(1, List.of("-Xmx128m"));
        ForkedExecution forks = new ForkedExecution(pool, ExperimentSource.factory(PidExperiment.class));
        assertThatThrownBy(() -> forks.withJvmOptions(List.of("-Xmx1g"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("give [-Xmx1g] to ForkPool.start");
        pool.close();
        assertThatThrownBy(() -> new PidExperiment().get().run(RunRequest.defaults().withStrategy(forks)))
                .hasMessageContaining("the fork pool is closed");
        assertThatThrownBy(() -> ForkPool.start(0, List.of())).hasMessageContaining("at least 1 fork");
    }

    private static Set<Long> pids(Result result) {
        Set<Long> pids = new TreeSet<>(pids(result, "baseline"));
        pids.addAll(pids(result, "shifted"));
        return pids;
    }

    private static Set<Long> pids(Result result, String condition) {
        assertThat(result.errors()).isEmpty();
        return Arrays.stream(result.metrics().get(condition).get("pid").values()).mapToObj(v -> (long) v)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Long> workers() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(ForkWorkerMain.class.getName()))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static String results(Path root, String condition) throws IOException {
        Path version = ArtifactPlugin.latestCompleteVersion(root, "forked-sample").orElseThrow();
        return Files.readString(version.resolve(condition).resolve("results.json"));
    }
}
