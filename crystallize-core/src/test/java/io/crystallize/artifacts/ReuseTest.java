package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.core.Experiment;
import io.crystallize.core.ExecutionOptions;
import io.crystallize.core.Result;
import io.crystallize.core.ReusePolicy;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.fingerprint.Fixtures;
import io.crystallize.hypothesis.Hypothesis;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reuse of earlier versions' runs when fingerprints match, with the real plugin on a temporary results root. */
class ReuseTest {

    @TempDir
    Path temp;

    private static final AtomicInteger RUNS = new AtomicInteger();

    private Experiment experiment(Path root, ExecutionOptions options, double deep) {
        return Experiment.builder("reused")
                .dataSource(context -> context.random().nextDouble())
                .step(Step.of("score", (Double x, io.crystallize.core.Context context) -> {
                    RUNS.incrementAndGet();
                    double discount = (Double) context.get("discount");
                    context.metrics().record("revenue", 100 * (1 - discount) + x);
                    return x;
                }))
                .parameter("discount", 0.0)
                .treatment(Treatment.of("small", Map.of("discount", 0.1)))
                .treatment(Treatment.of("deep", Map.of("discount", deep)))
                .hypothesis(Hypothesis.on("revenue").name("lower").treatments(List.of("small", "deep")).build())
                .replicates(6)
                .options(options)
                .plugin(new ArtifactPlugin(root))
                .build();
    }

    @Test
    void anUnchangedExperimentRunsNothingTheSecondTimeAndGivesTheSameVerdicts() throws Exception {
        Path root = temp.resolve("results");
        ExecutionOptions reuse = ExecutionOptions.defaults().withReuse(ReusePolicy.UNLESS_TIMING);
        RUNS.set(0);
        Result first = experiment(root, reuse, 0.3).run();
        assertThat(RUNS.get()).isEqualTo(18);
        assertThat(first.reused()).isEmpty();

        RUNS.set(0);
        Result second = experiment(root, reuse, 0.3).run();

        assertThat(RUNS.get()).as("runs executed the second time").isZero();
        assertThat(second.reused()).containsExactly(Map.entry("baseline", "v0"), Map.entry("small", "v0"),
                Map.entry("deep", "v0"));
        assertThat(second.metrics()).isEqualTo(first.metrics());
        assertThat(second.hypotheses()).isEqualTo(first.hypotheses());
        Path v1 = root.resolve("reused/v0");
        Path v2 = root.resolve("reused/v1");
        for (String condition : List.of("baseline", "small", "deep")) {
            assertThat(Files.readAllBytes(v2.resolve(condition).resolve("results.json")))
                    .isEqualTo(Files.readAllBytes(v1.resolve(condition).resolve("results.json")));
        }
        Map<String, Object> metadata = ArtifactPlugin.readMetadata(v2);
        assertThat(metadata.get("reused")).isEqualTo(Map.of("baseline", "v0", "small", "v0", "deep", "v0"));
        assertThat(metadata.get("fingerprints")).isEqualTo(ArtifactPlugin.readMetadata(v1).get("fingerprints"));
        assertThat(ArtifactPlugin.readResult(v2).reused()).isEqualTo(second.reused());
    }

    @Test
    void aChangedTreatmentRunsOnlyThatTreatment() {
        Path root = temp.resolve("results");
        ExecutionOptions reuse = ExecutionOptions.defaults().withReuse(ReusePolicy.UNLESS_TIMING);
        experiment(root, reuse, 0.3).run();
        RUNS.set(0);

        Result changed = experiment(root, reuse, 0.35).run();

        assertThat(RUNS.get()).isEqualTo(6);
        assertThat(changed.reused()).containsOnlyKeys("baseline", "small");
    }

    @Test
    void timingExperimentsAndTheDefaultRunEverything() throws Exception {
        Path root = temp.resolve("results");
        ExecutionOptions timed = ExecutionOptions.defaults().withReuse(ReusePolicy.UNLESS_TIMING).withWarmupReplicates(1);
        experiment(root, timed, 0.3).run();
        RUNS.set(0);
        assertThat(experiment(root, timed, 0.3).run().reused()).isEmpty();
        assertThat(RUNS.get()).isEqualTo(21);

        RUNS.set(0);
        assertThat(experiment(root, ExecutionOptions.defaults(), 0.3).run().reused()).isEmpty();
        assertThat(RUNS.get()).isEqualTo(18);
        // the API's default, NEVER, reuses nothing but still records fingerprints (they identify runs to
        // resume), as a timing experiment does
        assertThat(ArtifactPlugin.readMetadata(root.resolve("reused/v2"))).containsKey("fingerprints");
        assertThat(ArtifactPlugin.readMetadata(root.resolve("reused/v1"))).containsKey("fingerprints");

        RUNS.set(0);
        ExecutionOptions always = timed.withReuse(ReusePolicy.ALWAYS);
        assertThat(experiment(root, always, 0.3).run().reused()).hasSize(3);
        assertThat(RUNS.get()).as("reused conditions need no warm-up either").isZero();
    }

    @Test
    void aDifferentSeedOrReplicateCountRunsAgain() {
        Path root = temp.resolve("results");
        ExecutionOptions reuse = ExecutionOptions.defaults().withReuse(ReusePolicy.UNLESS_TIMING);
        experiment(root, reuse, 0.3).run();
        RUNS.set(0);
        assertThat(experiment(root, reuse, 0.3).run(5).reused()).isEmpty();
        assertThat(RUNS.get()).isEqualTo(15);
    }

    private static final AtomicInteger UPSTREAM_RUNS = new AtomicInteger();
    private static final AtomicInteger DOWNSTREAM_RUNS = new AtomicInteger();

    private static Experiment upstream(Path root) {
        return Experiment.builder("model")
                .dataSource(context -> context.random().nextInt(1000))
                .step(Step.of("train", (Integer x, io.crystallize.core.Context context) -> {
                    UPSTREAM_RUNS.incrementAndGet();
                    context.artifacts().writeText("weights.txt", "w=" + x);
                    context.metrics().record("loss", x / 1000.0);
                    return x;
                }))
                .replicates(3)
                .options(ExecutionOptions.defaults().withReuse(ReusePolicy.UNLESS_TIMING))
                .plugin(new ArtifactPlugin(root))
                .build();
    }

    private static Experiment downstream(Path root) {
        ArtifactPlugin store = new ArtifactPlugin(root);
        return Experiment.builder("evaluate")
                .dataSource(store.dataSource("model", "train", "weights.txt", "baseline", true))
                .step(Step.of("read", (Path weights, io.crystallize.core.Context context) -> {
                    DOWNSTREAM_RUNS.incrementAndGet();
                    context.metrics().record("chars", Files.readString(weights).length());
                    return weights;
                }))
                .options(ExecutionOptions.defaults().withReuse(ReusePolicy.UNLESS_TIMING))
                .plugin(store)
                .build();
    }

    @Test
    void reusedRunsCarryTheirArtifactsAndTheirDownstreamStaysReused() throws Exception {
        Path root = temp.resolve("results");
        upstream(root).run();
        downstream(root).run();
        UPSTREAM_RUNS.set(0);
        DOWNSTREAM_RUNS.set(0);

        Result again = upstream(root).run();
        Result downstreamAgain = downstream(root).run();

        assertThat(UPSTREAM_RUNS.get()).isZero();
        assertThat(again.reused()).containsEntry("baseline", "v0");
        Path carried = root.resolve("model/v1/replicate_2/baseline/train/weights.txt");
        assertThat(carried).hasSameTextualContentAs(root.resolve("model/v0/replicate_2/baseline/train/weights.txt"));
        assertThat(again.artifacts().get("baseline")).hasSize(3).allMatch(p -> p.contains("v1"));
        assertThat(ArtifactPlugin.readMetadata(root.resolve("model/v1"))).isNotNull();
        assertThat(Files.readString(root.resolve("model/v1/_manifest.json"))).contains("weights.txt");
        assertThat(DOWNSTREAM_RUNS.get()).as("the upstream's runs are the same runs: nothing to redo").isZero();
        assertThat(downstreamAgain.reused()).containsEntry("baseline", "v0");

        // a third execution reuses the second's runs and names the version that ran them
        assertThat(upstream(root).run().reused()).containsEntry("baseline", "v0");
    }

    @Test
    void aDownstreamOfAnUpstreamThatRanAgainRunsAgain() {
        Path root = temp.resolve("results");
        upstream(root).run();
        downstream(root).run();
        DOWNSTREAM_RUNS.set(0);
        UPSTREAM_RUNS.set(0);
        // the same upstream, run again (reuse turned off): new artifacts, so the downstream's input changed
        Experiment rerun = Experiment.builder("model").dataSource(upstream(root).dataSource())
                .pipeline(upstream(root).pipeline()).replicates(3).plugin(new ArtifactPlugin(root)).build();
        rerun.run();
        assertThat(UPSTREAM_RUNS.get()).isEqualTo(3);

        assertThat(downstream(root).run().reused()).isEmpty();
        assertThat(DOWNSTREAM_RUNS.get()).isEqualTo(3);
    }

    private static final String SETUP = """
            package fx;
            import io.crystallize.core.*;
            import io.crystallize.artifacts.ArtifactPlugin;
            import java.nio.file.Path;
            import java.util.Map;
            import java.util.function.Function;
            import java.util.concurrent.atomic.AtomicInteger;
            public class Setup {
                public static final AtomicInteger RUNS = new AtomicInteger();
                static final class AddOne implements Function<Map<String, Object>, Map<String, ?>> {
                    public Map<String, ?> apply(Map<String, Object> base) { return Map.of("x", (Integer) base.get("x") + 1); }
                }
                static final class AddTwo implements Function<Map<String, Object>, Map<String, ?>> {
                    public Map<String, ?> apply(Map<String, Object> base) { return Map.of("x", (Integer) base.get("x") + %d); }
                }
                static final class Score implements Step<Double, Double> {
                    public Double apply(Double in, Context context) {
                        RUNS.incrementAndGet();
                        context.metrics().record("y", in + (Integer) context.get("x"));
                        return in;
                    }
                    public String name() { return "score"; }
                }
                public static Result run(Path root) {
                    return Experiment.builder("computed")
                            .dataSource(c -> c.random().nextDouble())
                            .step(new Score())
                            .parameter("x", 0)
                            .treatment(Treatment.computed("one", new AddOne()))
                            .treatment(Treatment.computed("two", new AddTwo()))
                            .replicates(4)
                            .options(ExecutionOptions.defaults().withReuse(ReusePolicy.UNLESS_TIMING))
                            .plugin(new ArtifactPlugin(root))
                            .build().run();
                }
            }
            """;

    private record Outcome(Result result, int runs) {
    }

    private Outcome runFixture(Path root, int addend) throws Exception {
        Path classes = Fixtures.compile(temp, Map.of("fx/Setup.java", SETUP.formatted(addend)));
        try (URLClassLoader loader = Fixtures.loader(classes)) {
            Class<?> setup = loader.loadClass("fx.Setup");
            Method run = setup.getMethod("run", Path.class);
            Result result = (Result) run.invoke(null, root);
            return new Outcome(result, ((AtomicInteger) setup.getField("RUNS").get(null)).get());
        }
    }

    @Test
    void changedCodeOfOneComputedTreatmentRerunsOnlyIt() throws Exception {
        Path root = temp.resolve("results");
        Outcome first = runFixture(root, 2);
        assertThat(first.runs()).isEqualTo(12);

        Outcome recompiled = runFixture(root, 2);
        assertThat(recompiled.runs()).as("same source compiled again, fresh class loader").isZero();

        Outcome changed = runFixture(root, 3);
        assertThat(changed.runs()).isEqualTo(4);
        assertThat(changed.result().reused()).containsOnlyKeys("baseline", "one");
        assertThat(changed.result().metric("two", "y").values())
                .isNotEqualTo(first.result().metric("two", "y").values());
    }
}
