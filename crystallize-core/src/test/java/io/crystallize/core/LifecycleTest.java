package io.crystallize.core;

import static io.crystallize.testing.Fixtures.increment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.plugins.ParallelExecution;
import io.crystallize.testing.LoggingStep;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.RecordingPlugin;
import io.crystallize.testing.ReplicateSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN §3.1 and REFERENCE-BEHAVIOUR item 18: the lifecycle's order and its failures. */
class LifecycleTest {

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path root;

    private DataSource<Integer> loggingSource() {
        return ctx -> {
            log.add("fetch " + ctx.condition() + "_rep_" + ctx.replicate());
            return ctx.replicate();
        };
    }

    @Test
    void hooksRunInTheDesignedOrder() {
        Experiment experiment = Experiment.builder("lifecycle").dataSource(loggingSource())
                .step(new LoggingStep("A", log)).step(new LoggingStep("B", log))
                .plugin(new RecordingPlugin(log)).treatment(Treatment.of("t", Map.of()))
                .replicates(2).build();
        assertThat(log).containsExactly("init");
        log.clear();

        experiment.run();

        List<String> expected = new ArrayList<>(List.of("beforeRun", "setup A", "setup B"));
        for (int r = 0; r < 2; r++) {
            for (String condition : List.of("baseline", "t")) {
                String run = condition + "_rep_" + r;
                expected.addAll(List.of("beforeReplicate " + run, "fetch " + run,
                        "beforeStep A " + run, "apply A " + run, "afterStep A " + run,
                        "beforeStep B " + run, "apply B " + run, "afterStep B " + run));
            }
        }
        expected.addAll(List.of("afterRun", "teardown A", "teardown B"));
        assertThat(log).containsExactlyElementsOf(expected);
    }

    @Test
    void eachRunKeepsTheOrderUnderAParallelStrategy() {
        Experiment experiment = Experiment.builder("lifecycle").dataSource(loggingSource())
                .step(new LoggingStep("A", log)).step(new LoggingStep("B", log))
                .plugin(new RecordingPlugin(log)).plugin(new ParallelExecution(2))
                .treatment(Treatment.of("t", Map.of())).replicates(4).build();
        log.clear();

        experiment.run();

        assertThat(log.subList(0, 3)).containsExactly("beforeRun", "setup A", "setup B");
        assertThat(log.subList(log.size() - 3, log.size())).containsExactly("afterRun", "teardown A", "teardown B");
        for (int r = 0; r < 4; r++) {
            for (String condition : List.of("baseline", "t")) {
                String run = condition + "_rep_" + r;
                assertThat(log.stream().filter(line -> line.endsWith(" " + run)).toList()).as(run).containsExactly(
                        "beforeReplicate " + run, "fetch " + run,
                        "beforeStep A " + run, "apply A " + run, "afterStep A " + run,
                        "beforeStep B " + run, "apply B " + run, "afterStep B " + run);
            }
        }
        assertThat(log).hasSize(6 + 8 * 8);
    }

    @Test
    void failingSetupPropagatesAndTeardownStillRuns() {
        LoggingStep failingSetup = new LoggingStep("B", log) {
            @Override
            public void setup(Resources resources) throws Exception {
                super.setup(resources);
                throw new IOException("model file missing");
            }
        };
        Experiment experiment = Experiment.builder("lifecycle").dataSource(loggingSource())
                .step(new LoggingStep("A", log)).step(failingSetup).build();

        assertThatThrownBy(experiment::run)
                .hasMessageContaining("model file missing")
                .hasMessageContaining("'B'")
                .hasRootCauseInstanceOf(IOException.class);
        assertThat(log).containsExactly("setup A", "setup B", "teardown A", "teardown B");
    }

    @Test
    void failingTeardownIsReportedAndWrittenResultsStay() {
        LoggingStep failingTeardown = new LoggingStep("A", log) {
            @Override
            public void teardown(Resources resources) throws Exception {
                super.teardown(resources);
                throw new IllegalStateException("cannot close pool");
            }
        };
        ArtifactPlugin artifacts = new ArtifactPlugin(root);
        Experiment experiment = Experiment.builder("lifecycle").dataSource(new ReplicateSource())
                .step(failingTeardown).step(new RecordStep()).step(new LoggingStep("C", log)).plugin(artifacts)
                .replicates(2).build();

        TeardownException failure = catchThrowableOfType(
                TeardownException.class, experiment::run);

        assertThat(failure).hasMessageContaining("'A'").hasCauseInstanceOf(IllegalStateException.class);
        assertThat(failure.result().metric("baseline", RecordStep.METRIC).values()).containsExactly(0, 1);
        Path version = root.resolve("lifecycle").resolve("v0");
        assertThat(version.resolve("baseline").resolve("results.json")).exists();
        assertThat(version.resolve("baseline").resolve(".crystallize_complete")).exists();
        assertThat(log).endsWith("teardown A", "teardown C");
    }

    @Test
    void failingBeforeRunPropagatesBeforeAnyStepRuns() {
        Plugin failing = new Plugin() {
            @Override
            public void beforeRun(Execution execution) {
                throw new IllegalStateException("license server unreachable");
            }
        };
        Experiment experiment = Experiment.builder("lifecycle").dataSource(loggingSource())
                .step(new LoggingStep("A", log)).plugin(failing).build();

        assertThatThrownBy(experiment::run).isInstanceOf(IllegalStateException.class)
                .hasMessage("license server unreachable");
        assertThat(log).isEmpty();
    }

    @Test
    void failingAfterRunOfOnePluginDoesNotLoseTheResultsAnotherWrites() {
        Plugin failing = new Plugin() {
            @Override
            public void afterRun(Execution execution, Result result) {
                throw new IllegalStateException("dashboard unreachable");
            }
        };
        Experiment experiment = Experiment.builder("lifecycle").dataSource(new ReplicateSource())
                .step(new RecordStep()).step(new LoggingStep("A", log))
                .plugin(failing).plugin(new ArtifactPlugin(root)).build();

        PluginException failure = catchThrowableOfType(PluginException.class, experiment::run);

        assertThat(failure).hasMessageContaining("dashboard unreachable").hasCauseInstanceOf(IllegalStateException.class);
        assertThat(failure.result().metric("baseline", RecordStep.METRIC).values()).containsExactly(0);
        assertThat(root.resolve("lifecycle/v0/baseline/results.json")).exists();
        assertThat(root.resolve("lifecycle/v0/baseline/.crystallize_complete")).exists();
        assertThat(log).endsWith("teardown A");
    }

    @Test
    void resultsAreWrittenBeforeTeardown() {
        List<Boolean> writtenAtTeardown = new ArrayList<>();
        LoggingStep checking = new LoggingStep("A", log) {
            @Override
            public void teardown(Resources resources) {
                writtenAtTeardown.add(Files.exists(root.resolve("lifecycle/v0/baseline/results.json")));
            }
        };
        Experiment.builder("lifecycle").dataSource(new ReplicateSource()).step(checking)
                .plugin(new ArtifactPlugin(root)).build().run();

        assertThat(writtenAtTeardown).containsExactly(true);
    }

    @Test
    void stepsAddedAfterAPipelineAreAppendedToIt() {
        Experiment experiment = Experiment.builder("lifecycle").dataSource(loggingSource())
                .pipeline(Pipeline.of(new LoggingStep("A", log))).step(new LoggingStep("B", log)).build();

        assertThat(experiment.pipeline().steps()).extracting(Step::name).containsExactly("A", "B");
    }

    @Test
    void nullArtifactContentFailsTheStepWithAClearMessage() {
        Result result = Experiment.builder("lifecycle").dataSource(loggingSource())
                .step(Step.of("Empty", (data, ctx) -> {
                    ctx.artifacts().writeText("out.txt", null);
                    return data;
                })).build().run();

        assertThat(result.errors().get("baseline_rep_0").message()).contains("'out.txt'").contains("no content");
    }

    @Test
    void treatmentOverridesAreInTheContextOfItsRunsOnly() {
        Result result = Experiment.builder("lifecycle").dataSource(new ReplicateSource()).step(new RecordStep())
                .treatment(increment("plus10", 10)).replicates(2).build().run();

        assertThat(result.metric("baseline", RecordStep.METRIC).values()).containsExactly(0, 1);
        assertThat(result.metric("plus10", RecordStep.METRIC).values()).containsExactly(10, 11);
    }
}
