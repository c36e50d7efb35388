package io.crystallize.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.base.RunFailure;
import io.crystallize.plugins.ParallelExecution;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a run throws, errors included, is that run's recorded failure: the other runs go on and
 * everything is written, serially and in parallel alike. Only running out of memory twice stops
 * the execution, and then what finished is written and the failure names the run.
 */
class RunErrorsTest {

    @TempDir
    Path root;

    private static final Map<String, Supplier<Throwable>> ERRORS = Map.of(
            "Error", () -> new Error("x"),
            "InternalError", () -> new InternalError("vm said no"),
            "OutOfMemoryError", () -> new OutOfMemoryError("simulated"),
            "ThreadDeath", ThreadDeath::new,
            "Throwable", () -> new Throwable("a bare throwable"));

    /** A step throwing {@code error} on replicate 2 of the baseline. */
    private static Step<Number, Number> throwingOnReplicateTwo(Supplier<Throwable> error) {
        return Step.of("Faulty", (data, ctx) -> {
            if (ctx.replicate() == 2 && ctx.condition().equals("baseline")) {
                throw sneaky(error.get());
            }
            return data;
        });
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    private Experiment experiment(Step<Number, Number> faulty, int workers) {
        Experiment.Builder builder = Experiment.builder("errors").dataSource(new ReplicateSource()).step(faulty)
                .step(new RecordStep()).treatment(Treatment.of("plus", Map.of(ReplicateSource.INCREMENT, 10)))
                .plugin(new ArtifactPlugin(root)).replicates(5);
        if (workers > 1) {
            builder.plugin(new ParallelExecution(workers));
        }
        return builder.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Error", "InternalError", "OutOfMemoryError", "ThreadDeath", "Throwable"})
    void anyThrowableIsTheRunsFailureSeriallyAndInParallel(String kind) throws Exception {
        for (int workers : List.of(1, 3)) {
            Path version = root.resolve("errors").resolve("v" + (workers == 1 ? 0 : 1));

            Result result = experiment(throwingOnReplicateTwo(ERRORS.get(kind)), workers).run();

            assertThat(result.errors()).as("workers %d", workers).containsOnlyKeys("baseline_rep_2");
            RunFailure failure = result.errors().get("baseline_rep_2");
            assertThat(failure.type()).isEqualTo(ERRORS.get(kind).get().getClass().getName());
            assertThat(failure.step()).isEqualTo("Faulty");
            assertThat(result.metric("baseline", RecordStep.METRIC).values()).containsExactly(0, 1, 3, 4);
            assertThat(result.metric("plus", RecordStep.METRIC).values()).containsExactly(10, 11, 12, 13, 14);
            assertThat(version.resolve("baseline/.crystallize_complete")).exists();
            assertThat(ArtifactPlugin.readResult(version).errors()).containsOnlyKeys("baseline_rep_2");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void realOutOfMemoryAndStackOverflowAreRecordedAndTheRunsGoOn(int workers) {
        Step<Number, Number> exhausting = Step.of("Exhausting", (data, ctx) -> {
            if (ctx.replicate() == 1) {
                long[] huge = new long[Integer.MAX_VALUE]; // beyond any heap: the JVM refuses at once
                return huge.length;
            }
            if (ctx.replicate() == 3) {
                return recurse(0);
            }
            return data;
        });

        Result result = experiment(exhausting, workers).run();

        assertThat(result.errors()).containsOnlyKeys("baseline_rep_1", "plus_rep_1", "baseline_rep_3", "plus_rep_3");
        assertThat(result.errors().get("baseline_rep_1").type()).isEqualTo(OutOfMemoryError.class.getName());
        assertThat(result.errors().get("plus_rep_3").type()).isEqualTo(StackOverflowError.class.getName());
        assertThat(result.metric("plus", RecordStep.METRIC).values()).containsExactly(10, 12, 14);
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void runningOutOfMemoryAgainStopsTheExecutionKeepingWhatFinished(int workers) {
        AtomicInteger started = new AtomicInteger();
        Step<Number, Number> exhausting = Step.of("Exhausting", (data, ctx) -> {
            started.incrementAndGet();
            if (ctx.replicate() >= 3) {
                throw new OutOfMemoryError("Java heap space (simulated)");
            }
            return data;
        });
        Experiment experiment = Experiment.builder("errors").dataSource(new ReplicateSource()).step(exhausting)
                .step(new RecordStep()).plugin(new ArtifactPlugin(root)).replicates(50)
                .plugins(workers > 1 ? List.of(new ParallelExecution(workers)) : List.of()).build();

        ExecutionAbortedException aborted = catchThrowableOfType(ExecutionAbortedException.class, experiment::run);

        assertThat(aborted).hasMessageContaining("ran out of memory a second time in run baseline_rep_")
                .hasMessageContaining("step 'Exhausting'").hasCauseInstanceOf(OutOfMemoryError.class);
        Result partial = aborted.partialResult();
        if (workers == 1) {
            assertThat(partial.metric("baseline", RecordStep.METRIC).values()).containsExactly(0, 1, 2);
            assertThat(partial.errors()).containsOnlyKeys("baseline_rep_3", "baseline_rep_4");
            assertThat(started).as("no run started after the second").hasValue(5);
        } else {
            // runs in progress on other threads end as they may; none is lost
            for (int r = 0; r < 3; r++) {
                int rr = r;
                assertThat(java.util.Arrays.stream(partial.metric("baseline", RecordStep.METRIC).replicates()).anyMatch(x -> x == rr)
                        || partial.errors().containsKey("baseline_rep_" + r)).as("replicate %d", r).isTrue();
            }
            assertThat(partial.errors().keySet().stream().filter(k -> Integer.parseInt(k.substring(13)) >= 3))
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(started.get()).as("runs started after the second").isLessThan(20);
        }
        Path version = root.resolve("errors/v0");
        assertThat(version.resolve("baseline/results.json")).exists();
        assertThat(version.resolve("baseline/.crystallize_complete")).doesNotExist();
    }
}
