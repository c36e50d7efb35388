package io.crystallize.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.core.ExecutionOptions;
import io.crystallize.core.Experiment;
import io.crystallize.internal.json.Json;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.testing.DeltaNoise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** REFERENCE-BEHAVIOUR item 9 and issue 2: parallel runs equal serial ones, and really overlap. */
class ParallelExecutionTest {

    @TempDir
    Path temp;

    private static final Step<double[], double[]> FAIL_ON_REPLICATE_ONE = Step.of("FailOnOne", (data, ctx) -> {
        if (ctx.replicate() == 1) {
            throw new IllegalStateException("replicate 1 fails in " + ctx.condition());
        }
        ctx.artifacts().writeText("data.txt", Arrays.toString(data));
        return data;
    });

    private static Experiment experiment(Path root, boolean parallel) {
        Experiment.Builder builder = DeltaNoise.experiment("parallel", false)
                .step(FAIL_ON_REPLICATE_ONE)
                .treatment(Treatment.of("one", "delta", 1)).treatment(Treatment.of("two", "delta", 2))
                .hypothesis(Hypothesis.on(DeltaNoise.TOTAL).name("total_higher").build())
                .options(ExecutionOptions.defaults().withToleratedFailureFraction(0.2))
                .seed(2024).replicates(12);
        if (root != null) {
            builder.plugin(new ArtifactPlugin(root));
        }
        if (parallel) {
            builder.plugin(new ParallelExecution(4));
        }
        return builder.build();
    }

    @Test
    void parallelAndSerialGiveEqualMetricsSeedsVerdictsAndErrorKeys() {
        Result serial = experiment(null, false).run();
        Result parallel = experiment(null, true).run();

        assertThat(serial.errors()).containsOnlyKeys("baseline_rep_1", "one_rep_1", "two_rep_1");
        assertThat(parallel.metrics()).isEqualTo(serial.metrics());
        assertThat(parallel.seeds()).isEqualTo(serial.seeds());
        assertThat(parallel.hypotheses()).isEqualTo(serial.hypotheses());
        assertThat(parallel.errors().keySet()).containsExactlyElementsOf(serial.errors().keySet());
        assertThat(parallel.provenance()).isEqualTo(serial.provenance());
    }

    /** Identical {@code results.json} per condition, and the full {@code result.json} aside timestamps, root and threads. */
    @Test
    void parallelAndSerialWriteIdenticalResultFiles() throws IOException {
        Path serialRoot = temp.resolve("serial");
        Path parallelRoot = temp.resolve("parallel");
        experiment(serialRoot, false).run();
        experiment(parallelRoot, true).run();

        Path serialVersion = serialRoot.resolve("parallel/v0");
        Path parallelVersion = parallelRoot.resolve("parallel/v0");
        for (String condition : List.of("baseline", "one", "two")) {
            assertThat(parallelVersion.resolve(condition).resolve("results.json"))
                    .hasSameBinaryContentAs(serialVersion.resolve(condition).resolve("results.json"));
        }
        assertThat(files(parallelVersion)).isEqualTo(files(serialVersion));
        assertThat(normalised(parallelVersion.resolve("result.json"), parallelRoot))
                .isEqualTo(normalised(serialVersion.resolve("result.json"), serialRoot));
        JsonNode serialMetadata = Json.MAPPER.readTree(serialVersion.resolve("metadata.json").toFile());
        JsonNode parallelMetadata = Json.MAPPER.readTree(parallelVersion.resolve("metadata.json").toFile());
        for (String field : List.of("replicates", "seed", "replicate_seed", "conditions", "parameters", "treatments")) {
            assertThat(parallelMetadata.get(field)).as(field).isEqualTo(serialMetadata.get(field));
        }
    }

    @Test
    void runsOverlap() {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        Step<double[], double[]> meet = Step.of("Meet", (data, ctx) -> {
            bothRunning.await(20, TimeUnit.SECONDS);
            return data;
        });
        Result result = DeltaNoise.experiment("overlap", false).step(meet)
                .treatment(Treatment.of("one", "delta", 1)).plugin(new ParallelExecution(2)).build().run();

        assertThat(result.errors()).isEmpty();
        assertThat(result.metric("one", DeltaNoise.TOTAL).size()).isEqualTo(1);
    }

    @Test
    void serialRunsDoNotOverlap() {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        Step<double[], double[]> meet = Step.of("Meet", (data, ctx) -> {
            bothRunning.await(200, TimeUnit.MILLISECONDS);
            return data;
        });
        Result result = DeltaNoise.experiment("overlap", false).step(meet)
                .treatment(Treatment.of("one", "delta", 1)).build().run();

        // the barrier test above is meaningful: alone, a run cannot pass it
        assertThat(result.errors()).containsKey("baseline_rep_0");
    }

    private static List<String> files(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> names.add(dir.relativize(f).toString()));
        }
        names.sort(null);
        return names;
    }

    private static JsonNode normalised(Path resultJson, Path root) throws IOException {
        String text = Files.readString(resultJson).replace(root.toString(), "<root>");
        ObjectNode node = (ObjectNode) Json.MAPPER.readTree(text);
        node.remove("started");
        node.remove("finished");
        // a stack trace shows the thread that ran the step: environment, not result
        node.get("errors").forEach(error -> ((ObjectNode) error).remove("stackTrace"));
        return node;
    }
}
