package io.crystallize.core;

import static io.crystallize.testing.Fixtures.increment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.testing.AddIncrementStep;
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
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REFERENCE-BEHAVIOUR items 16 and 17: one pass of the pipeline. */
class ApplyTest {

    @TempDir
    Path root;

    @Test
    void returnsTheLastStepsOutput() {
        Experiment experiment = Experiment.builder("apply").dataSource(new ReplicateSource())
                .step(new AddIncrementStep()).step(new RecordStep()).build();

        assertThat(experiment.apply(5)).isEqualTo(5);
        assertThat(experiment.apply(increment("plus2", 2), 1, null)).isEqualTo(3);
        assertThat(experiment.apply(null, null, null)).isEqualTo(0);
    }

    @Test
    void runsEveryHookAndSetupAndTeardownOnce() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Experiment experiment = Experiment.builder("apply").dataSource(new ReplicateSource())
                .step(new LoggingStep("A", log)).plugin(new RecordingPlugin(log)).build();
        log.clear();

        experiment.apply(1);

        assertThat(log).containsExactly("beforeRun", "setup A", "beforeReplicate baseline_rep_0",
                "beforeStep A baseline_rep_0", "apply A baseline_rep_0", "afterStep A baseline_rep_0",
                "afterRun", "teardown A");
    }

    @Test
    void failingStepThrowsWithTheRecordedFailure() {
        Experiment experiment = Experiment.builder("apply").dataSource(new ReplicateSource())
                .step(Step.of("Broken", (data, ctx) -> {
                    throw new IllegalStateException("broken");
                })).build();

        assertThatThrownBy(() -> experiment.apply(1)).isInstanceOf(RunFailedException.class)
                .hasMessageContaining("Broken").hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void neverOverwritesTheResultsOfAnEarlierRun() throws IOException {
        Step<Number, Number> writer = Step.of("Writer", (data, ctx) -> {
            ctx.artifacts().writeText("out.txt", "value " + data);
            ctx.metrics().record("metric", data.doubleValue());
            return data;
        });
        ArtifactPlugin artifacts = new ArtifactPlugin(root);
        Experiment experiment = Experiment.builder("apply").dataSource(new ReplicateSource()).step(writer)
                .plugin(artifacts).treatment(increment("treat", 1)).replicates(2).build();
        experiment.run();
        Map<String, String> before = snapshot(root);

        assertThat(experiment.apply(increment("treat", 1), 100, null)).isEqualTo(100);
        assertThat(experiment.apply(100)).isEqualTo(100);

        assertThat(snapshot(root)).isEqualTo(before);
        assertThat(artifacts.versionDirectory()).isEqualTo(root.resolve("apply").resolve("v0"));
    }

    /** Every file under {@code dir} with its content. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
