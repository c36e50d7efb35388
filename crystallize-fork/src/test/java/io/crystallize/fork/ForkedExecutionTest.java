package io.crystallize.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.base.ConfigurationException;
import io.crystallize.base.RunFailure;
import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.core.RunLostException;
import io.crystallize.core.RunRequest;
import io.crystallize.core.TimeLimitExceededException;
import io.crystallize.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Forked workers are real child JVMs here: started from this JVM's class path, killed for real. */
class ForkedExecutionTest {

    @TempDir
    Path dir;

    @Test
    void forkedResultsAreByteIdenticalToInProcess() throws IOException {
        Path serialRoot = dir.resolve("serial");
        Path forkedRoot = dir.resolve("forked");
        Result serial = SampleExperiment.build(serialRoot).run();
        Experiment experiment = SampleExperiment.build(forkedRoot);
        Result forked = experiment.run(RunRequest.defaults().withStrategy(
                new ForkedExecution(2, ExperimentSource.factory(SampleExperiment.class))));

        assertThat(forked.errors()).isEmpty();
        assertThat(forked.metrics()).isEqualTo(serial.metrics());
        for (String condition : List.of("baseline", "shifted")) {
            assertThat(results(forkedRoot, condition)).isEqualTo(results(serialRoot, condition));
        }
        // provenance (context reads and writes, metric counts per step, shared between identical runs),
        // verdicts and artifact paths: the whole result but its timestamps and results root
        assertThat(comparable(forked, forkedRoot)).isEqualTo(comparable(serial, serialRoot));
        assertThat(forked.provenance()).isEqualTo(serial.provenance());
        // the artifacts the children wrote were stored by this JVM, under its version
        Path version = experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory();
        assertThat(version.resolve("replicate_3/shifted/measure/value.txt")).hasContent(
                Double.toString(forked.metrics().get("shifted").get("score").values()[3]));
    }

    @Test
    void aWorkerThatExitsIsKilledOrRunsOutOfMemoryLosesOnlyItsRunAndIsReplaced() throws IOException {
        Path log = dir.resolve("runs.log");
        Path root = dir.resolve("results");
        ForkedExecution forks = new ForkedExecution(2, ExperimentSource.factory(SampleExperiment.class))
                .withJvmOptions(List.of("-D" + SampleExperiment.LOG + "=" + log,
                        "-D" + SampleExperiment.EXIT_AT + "=baseline_rep_1",
                        "-D" + SampleExperiment.KILL_AT + "=shifted_rep_4",
                        "-D" + SampleExperiment.EXHAUST_AT + "=baseline_rep_3", "-Xmx64m", "-XX:+ExitOnOutOfMemoryError"));
        Result result = SampleExperiment.build(root).run(RunRequest.defaults().withStrategy(forks));

        assertThat(result.errors()).containsOnlyKeys("baseline_rep_1", "baseline_rep_3", "shifted_rep_4");
        assertThat(result.errors().get("baseline_rep_3").message()).contains("exited with code 3",
                "Terminating due to java.lang.OutOfMemoryError");
        RunFailure exited = result.errors().get("baseline_rep_1");
        assertThat(exited.type()).isEqualTo(RunLostException.class.getName());
        assertThat(exited.message()).contains("exited with code 3", "a new worker takes over");
        RunFailure killed = result.errors().get("shifted_rep_4");
        assertThat(killed.message()).contains("killed by signal 9");
        // the others ran once each and match an in-process execution
        Result serial = SampleExperiment.build(dir.resolve("serial")).run();
        assertThat(result.metrics().get("baseline").get("score").replicates()).containsExactly(0, 2, 4, 5);
        assertThat(result.metrics().get("shifted").get("score").values()).containsExactly(
                without(serial.metrics().get("shifted").get("score").values(), 4));
        Map<String, Integer> executions = new TreeMap<>();
        for (String key : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            executions.merge(key, 1, Integer::sum);
        }
        assertThat(executions).hasSize(12).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
    }

    @Test
    void aTimeLimitEndsTheForksAndKeepsWhatFinished() {
        ForkedExecution forks = new ForkedExecution(1, ExperimentSource.factory(SampleExperiment.class))
                .withJvmOptions(List.of("-D" + SampleExperiment.HANG_AT + "=shifted_rep_2"));
        long started = System.nanoTime();
        assertThatThrownBy(() -> SampleExperiment.build(dir.resolve("limited")).run(RunRequest.defaults()
                .withStrategy(forks).withTimeLimit(java.time.Duration.ofSeconds(12))))
                .isInstanceOfSatisfying(TimeLimitExceededException.class, e -> {
                    Result partial = e.partialResult();
                    assertThat(partial.metrics().get("baseline").get("score").replicates()).containsExactly(0, 1, 2);
                    assertThat(partial.errors().get("shifted_rep_2").message()).contains("the execution stopped");
                });
        assertThat((System.nanoTime() - started) / 1e9).as("seconds until run(...) returned").isLessThan(40);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(ForkWorkerMain.class.getName())))
                .as("forks left running").isEmpty();
    }

    @Test
    void freshForksRunOneConditionEachAndRecordTheFork() {
        Result result = SampleExperiment.build(dir.resolve("fresh")).run(RunRequest.defaults().withStrategy(
                new ForkedExecution(2, ExperimentSource.factory(SampleExperiment.class)).withFreshForks(2)));
        Result serial = SampleExperiment.build(dir.resolve("serial")).run();

        assertThat(result.metrics().get("shifted").get("score").values())
                .containsExactly(serial.metrics().get("shifted").get("score").values());
        double[] baselineForks = result.metrics().get("baseline").get(ForkedExecution.FORK_METRIC).values();
        double[] shiftedForks = result.metrics().get("shifted").get(ForkedExecution.FORK_METRIC).values();
        assertThat(baselineForks).hasSize(6);
        // replicates alternate over two forks per condition; no fork ran both conditions
        assertThat(baselineForks[0]).isNotEqualTo(baselineForks[1]).isEqualTo(baselineForks[2]);
        List<Double> baselineSet = new ArrayList<>();
        for (double f : baselineForks) {
            baselineSet.add(f);
        }
        for (double f : shiftedForks) {
            assertThat(baselineSet).doesNotContain(f);
        }
    }

    @Test
    void anExperimentTheWorkerCannotRebuildFailsNamingItAndTheFix() {
        Experiment experiment = SampleExperiment.build(dir.resolve("bad"));
        ForkedExecution forks = new ForkedExecution(1, ExperimentSource.factory(NoDefaultConstructor.class));
        assertThatThrownBy(() -> experiment.run(RunRequest.defaults().withStrategy(forks)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'forked-sample' cannot be rebuilt in a forked worker")
                .hasMessageContaining("no no-arg constructor");
        ForkedExecution other = new ForkedExecution(1, ExperimentSource.factory(OtherExperiment.class));
        assertThatThrownBy(() -> experiment.run(RunRequest.defaults().withStrategy(other)))
                .hasMessageContaining("builds experiment 'other', not 'forked-sample'");
        assertThatThrownBy(() -> new ForkedExecution(2, null)).hasMessageContaining("ExperimentSource.factory");
    }

    private static double[] without(double[] values, int index) {
        double[] out = new double[values.length - 1];
        for (int i = 0, k = 0; i < values.length; i++) {
            if (i != index) {
                out[k++] = values[i];
            }
        }
        return out;
    }

    private static String comparable(Result result, Path root) {
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(result.toJson().replace(root.toString(), "<root>"));
        json.remove("started");
        json.remove("finished");
        assertThat(json.toString()).contains("provenance", "value.txt", "\"label\"");
        return json.toString();
    }

    private static String results(Path root, String condition) throws IOException {
        Path version = ArtifactPlugin.latestCompleteVersion(root, "forked-sample").orElseThrow();
        return Files.readString(version.resolve(condition).resolve("results.json"));
    }

    /** A factory a worker cannot make. */
    public static final class NoDefaultConstructor implements Supplier<Experiment> {
        public NoDefaultConstructor(int unused) {
        }

        @Override
        public Experiment get() {
            return null;
        }
    }

    /** A factory building a different experiment. */
    public static final class OtherExperiment implements Supplier<Experiment> {
        @Override
        public Experiment get() {
            return Experiment.builder("other").dataSource(io.crystallize.core.DataSource.of(ctx -> 1.0))
                    .step(io.crystallize.core.Step.of("s", (Object in, io.crystallize.core.Context ctx) -> in)).build();
        }
    }
}
