package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.DataSource;
import io.crystallize.core.ExecutionCancelledException;
import io.crystallize.core.Experiment;
import io.crystallize.core.ExperimentGraph;
import io.crystallize.core.RunRequest;
import io.crystallize.core.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiment graphs on real result directories: order, skipping complete upstreams, refused graphs, resume. */
class ExperimentGraphTest {

    private static final int REPLICATES = 6;

    @TempDir
    Path root;

    private final Map<String, AtomicInteger> runs = Map.of("prepare", new AtomicInteger(), "refine",
            new AtomicInteger(), "analyse", new AtomicInteger());

    /** Writes {@code value.txt} per replicate: the replicate times 10. */
    private Experiment prepare() {
        AtomicInteger count = runs.get("prepare");
        return Experiment.builder("prepare").dataSource(DataSource.of(ctx -> {
            count.incrementAndGet();
            return ctx.replicate() * 10.0;
        })).step(Step.of("make", (Double x, io.crystallize.core.Context ctx) -> {
            ctx.artifacts().writeText("value.txt", Double.toString(x));
            ctx.metrics().record("value", x);
            return x;
        })).replicates(REPLICATES).plugin(new ArtifactPlugin(root, Retention.keepAll())).build();
    }

    /** Reads {@code upstream}'s {@code value.txt}, adds one, writes and records it. */
    private Experiment reader(String name, String upstream) {
        AtomicInteger count = runs.get(name);
        ArtifactPlugin store = new ArtifactPlugin(root, Retention.keepAll());
        DataSource<Path> source = store.dataSource(upstream, "make", "value.txt", null, true);
        return Experiment.builder(name).dataSource(source).step(Step.of("make", (Path file, io.crystallize.core.Context ctx) -> {
            count.incrementAndGet();
            double value = Double.parseDouble(Files.readString(file)) + 1;
            ctx.artifacts().writeText("value.txt", Double.toString(value));
            ctx.metrics().record("value", value);
            return value;
        })).plugin(store).build();
    }

    private ExperimentGraph chain() {
        // added downstream first: the graph orders them
        return ExperimentGraph.builder().add("analyse", () -> reader("analyse", "refine"), "refine")
                .add("refine", () -> reader("refine", "prepare"), "prepare").add("prepare", this::prepare).build();
    }

    @Test
    void runsUpstreamExperimentsFirstAndDownstreamOnesReadTheirResults() {
        ExperimentGraph graph = chain();
        assertThat(graph.order()).containsExactly("prepare", "refine", "analyse");

        ExperimentGraph.Outcome outcome = graph.run();

        assertThat(outcome.results()).containsOnlyKeys("prepare", "refine", "analyse");
        assertThat(outcome.skipped()).isEmpty();
        assertThat(outcome.results().get("analyse").metrics().get("baseline").get("value").values())
                .containsExactly(2, 12, 22, 32, 42, 52);
    }

    @Test
    void upstreamExperimentsWithCompleteResultsAreSkippedUnlessTheirOwnUpstreamRan() {
        chain().run();
        runs.values().forEach(c -> c.set(0));

        ExperimentGraph.Outcome again = chain().run();
        assertThat(again.skipped()).containsExactly("prepare", "refine");
        assertThat(again.results()).containsOnlyKeys("analyse");
        assertThat(runs.get("prepare")).hasValue(0);
        assertThat(runs.get("analyse")).hasValue(REPLICATES);
    }

    @Test
    void anUpstreamThatRanMakesItsDownstreamRunToo() throws Exception {
        prepare().run(); // prepare is complete, refine never ran
        runs.values().forEach(c -> c.set(0));

        ExperimentGraph.Outcome outcome = chain().run();

        assertThat(outcome.skipped()).containsExactly("prepare");
        assertThat(outcome.results()).containsOnlyKeys("refine", "analyse");
        assertThat(runs.get("prepare")).hasValue(0);
    }

    @Test
    void cyclesAndMissingUpstreamsAreRefusedNamingTheExperiments() {
        assertThatThrownBy(() -> ExperimentGraph.builder().add("a", this::prepare, "b").add("b", this::prepare, "c")
                .add("c", this::prepare, "a").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'a' -> 'b' -> 'c' -> 'a' read from each other in a cycle");
        assertThatThrownBy(() -> ExperimentGraph.builder().add("analyse", this::prepare, "refine").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("experiment 'analyse' reads from 'refine', which is not in the graph");
        assertThatThrownBy(() -> ExperimentGraph.builder().add("prepare", this::prepare).add("prepare", this::prepare))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'prepare' is in the graph twice");
    }

    @Test
    void aStoppedUpstreamIsResumedInsideTheGraph() throws Exception {
        Experiment stopped = prepare();
        AtomicInteger count = runs.get("prepare");
        assertThatThrownBy(() -> stopped.run(RunRequest.defaults().withCancellation(() -> count.get() >= 3)))
                .isInstanceOf(ExecutionCancelledException.class);
        int kept = RunJournal.read(root.resolve("prepare").resolve("v0")).runs().size();
        assertThat(kept).isBetween(1, 3);
        count.set(0);

        ExperimentGraph.Outcome outcome = ExperimentGraph.builder().add("prepare", this::prepare)
                .add("refine", () -> reader("refine", "prepare"), "prepare").build()
                .run(RunRequest.defaults().withResume(true));

        assertThat(count).hasValue(REPLICATES - kept);
        assertThat(outcome.results()).containsOnlyKeys("prepare", "refine");
        assertThat(Layout.versions(root.resolve("prepare"))).containsExactly(0L);
        assertThat(outcome.results().get("refine").metrics().get("baseline").get("value").values())
                .containsExactly(1, 11, 21, 31, 41, 51);
    }
}
