package io.crystallize.core;

import static io.crystallize.testing.Fixtures.increment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Seeds;
import io.crystallize.plugins.ParallelExecution;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN §3.1/§3.3: replicate resolution, warm-ups, interleaving, cancellation, the seed page's constructor. */
class ExecutionOptionsTest {

    @TempDir
    Path root;

    private final List<String> fetched = Collections.synchronizedList(new ArrayList<>());

    private DataSource<Integer> loggingSource() {
        return new DataSource<>() {
            @Override
            public Integer fetch(Context ctx) {
                fetched.add(ctx.condition() + "_rep_" + ctx.replicate());
                return ctx.replicate() + ctx.getInt("increment");
            }

            @Override
            public Parameters parameters() {
                return new ReplicateSource().parameters();
            }
        };
    }

    @Test
    void warmupReplicatesRunFirstWithOwnIndicesAndStayOutOfResults() {
        Result result = Experiment.builder("options").dataSource(loggingSource()).step(new RecordStep())
                .treatment(increment("treat", 1)).replicates(2)
                .options(ExecutionOptions.defaults().withWarmupReplicates(1)).build().run();

        assertThat(fetched).containsExactly("baseline_rep_-1", "treat_rep_-1",
                "baseline_rep_0", "treat_rep_0", "baseline_rep_1", "treat_rep_1");
        assertThat(result.metric("baseline", RecordStep.METRIC).values()).containsExactly(0, 1);
        assertThat(result.metric("treat", RecordStep.METRIC).replicates()).containsExactly(0, 1);
        assertThat(result.provenance()).doesNotContainKey("baseline_rep_-1");
    }

    @Test
    void interleavingRotatesTheConditionOrderPerReplicate() {
        Result result = Experiment.builder("options").dataSource(loggingSource()).step(new RecordStep())
                .treatment(increment("a", 1)).treatment(increment("b", 2)).replicates(3)
                .options(ExecutionOptions.defaults().withInterleaving(true)).build().run();

        assertThat(fetched).containsExactly("baseline_rep_0", "a_rep_0", "b_rep_0",
                "a_rep_1", "b_rep_1", "baseline_rep_1",
                "b_rep_2", "baseline_rep_2", "a_rep_2");
        assertThat(result.metric("b", RecordStep.METRIC).values()).containsExactly(2, 3, 4);
    }

    @Test
    void replicatesResolveFromCallThenSourceThenExperiment() {
        DataSource<Integer> declaringFour = new DataSource<>() {
            @Override
            public Integer fetch(Context ctx) {
                return ctx.replicate();
            }

            @Override
            public OptionalInt replicates() {
                return OptionalInt.of(4);
            }
        };
        Experiment experiment = Experiment.builder("options").dataSource(declaringFour).step(new RecordStep())
                .replicates(2).build();

        assertThat(experiment.run().replicates()).isEqualTo(4);
        assertThat(experiment.run(3).replicates()).isEqualTo(3);
        assertThat(Experiment.builder("options").dataSource(ctx -> 0).step(new RecordStep()).replicates(2).build()
                .run().replicates()).isEqualTo(2);
        assertThatThrownBy(() -> experiment.run(5)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("5").hasMessageContaining("declares 4");
    }

    @Test
    void cancelledExecutionStopsStartingRunsAndIsNeverMarkedComplete() throws IOException {
        AtomicInteger runs = new AtomicInteger();
        Step<Number, Number> counting = Step.of("Counting", (data, ctx) -> {
            runs.incrementAndGet();
            return data;
        });
        Experiment experiment = Experiment.builder("options").dataSource(new ReplicateSource()).step(counting)
                .step(new RecordStep()).plugin(new ArtifactPlugin(root)).replicates(10).build();

        ExecutionCancelledException cancelled = catchThrowableOfType(
                ExecutionCancelledException.class,
                () -> experiment.run(RunRequest.defaults().withCancellation(() -> runs.get() >= 3)));

        assertThat(runs).hasValue(3);
        assertThat(cancelled.partialResult().metric("baseline", RecordStep.METRIC).values()).containsExactly(0, 1, 2);
        try (Stream<Path> walk = Files.walk(root)) {
            assertThat(walk.filter(p -> p.getFileName().toString().equals(".crystallize_complete"))).isEmpty();
        }
        assertThat(root.resolve("options/v0/baseline/results.json")).exists();
        Result partial = cancelled.partialResult();
        assertThat(Result.fromJson(partial.toJson())).isEqualTo(partial);
    }

    @Test
    void seedPageConstructorBuildsARunnableExperimentWithDefaultSeeding() {
        Experiment experiment = new Experiment(new ReplicateSource(), Pipeline.of(new RecordStep()), null);

        assertThat(experiment.name()).isEqualTo("experiment");
        assertThat(experiment.getPlugin(SeedPlugin.class)).get().extracting(SeedPlugin::masterSeed)
                .isEqualTo(Seeds.DEFAULT_MASTER_SEED);
        assertThat(experiment.getPlugin(ParallelExecution.class)).isEmpty();
        assertThat(experiment.run(2).metric("baseline", RecordStep.METRIC).values()).containsExactly(0, 1);
        assertThatThrownBy(() -> experiment.artifactDataSource("RecordStep", "x.json"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no ArtifactPlugin");
    }
}
