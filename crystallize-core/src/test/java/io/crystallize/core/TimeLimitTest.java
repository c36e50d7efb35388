package io.crystallize.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.artifacts.Retention;
import io.crystallize.base.ConfigurationException;
import io.crystallize.base.RunFailure;
import io.crystallize.plugins.ParallelExecution;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A time limit or a cancellation ends a hung execution — a step sleeping, or spinning without
 * looking at interrupts — soon after it passes: the stuck run is stopped or abandoned and named,
 * the finished runs are kept and written, and whatever an abandoned run does later is dropped.
 */
class TimeLimitTest {

    /** Well above limit + grace second + scheduling on a busy machine; far below "hung". */
    private static final long ENDS_WITHIN_MILLIS = 15_000;

    @TempDir
    Path root;

    /** Lets spinning steps end once a test is done with them. */
    private final AtomicBoolean release = new AtomicBoolean();

    @AfterEach
    void releaseSpinners() {
        release.set(true);
    }

    private Step<Number, Number> stuckOnReplicateTwo(boolean spin) {
        return Step.of("Stuck", (data, ctx) -> {
            if (ctx.replicate() == 2 && ctx.condition().equals("baseline")) {
                if (spin) {
                    spinIgnoringInterrupts(release);
                    ctx.artifacts().writeText("late.txt", "written after the run was abandoned");
                } else {
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            return data;
        });
    }

    /** Busy until released, clearing and ignoring every interrupt. */
    static void spinIgnoringInterrupts(AtomicBoolean release) {
        long spins = 0;
        while (!release.get()) {
            Thread.interrupted();
            spins++;
        }
        if (spins < 0) {
            throw new AssertionError("unreachable");
        }
    }

    private Experiment experiment(Step<Number, Number> step, int workers) {
        Experiment.Builder builder = Experiment.builder("limited").dataSource(new ReplicateSource()).step(step)
                .step(new RecordStep()).plugin(new ArtifactPlugin(root, Retention.keepAll())).replicates(5);
        if (workers > 1) {
            builder.plugin(new ParallelExecution(workers));
        }
        return builder.build();
    }

    private static TimeLimitExceededException runLimited(Experiment experiment, Duration limit) {
        long start = System.nanoTime();
        TimeLimitExceededException e = catchThrowableOfType(TimeLimitExceededException.class,
                () -> experiment.run(RunRequest.defaults().withTimeLimit(limit)));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(e).as("the time limit ended the execution").isNotNull();
        assertThat(took).as("milliseconds to end").isGreaterThanOrEqualTo(limit.toMillis()).isLessThan(ENDS_WITHIN_MILLIS);
        return e;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aSleepingRunIsInterruptedAndNamedAndTheFinishedRunsAreWritten(int workers) {
        TimeLimitExceededException e = runLimited(experiment(stuckOnReplicateTwo(false), workers), Duration.ofSeconds(1));

        assertThat(e.limit()).isEqualTo(Duration.ofSeconds(1));
        assertThat(e).hasMessageStartingWith("execution of 'limited' exceeded its time limit of PT1S");
        Result partial = e.partialResult();
        RunFailure stuck = partial.errors().get("baseline_rep_2");
        assertThat(stuck.type()).isEqualTo("java.util.concurrent.TimeoutException");
        assertThat(stuck.message()).contains("stopped by the time limit of PT1S in step 'Stuck'");
        assertThat(stuck.cause()).hasCauseInstanceOf(InterruptedException.class);
        assertThat(partial.metric("baseline", RecordStep.METRIC).values()).startsWith(0, 1);
        Path version = root.resolve("limited/v0");
        assertThat(version.resolve("baseline/results.json")).exists();
        assertThat(version.resolve("result.json")).exists();
        assertThat(version.resolve("baseline/.crystallize_complete")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aRunSpinningPastInterruptsIsAbandonedAndWhatItDoesLaterIsDropped(int workers) throws Exception {
        Experiment experiment = experiment(stuckOnReplicateTwo(true), workers);

        TimeLimitExceededException e = runLimited(experiment, Duration.ofMillis(500));

        assertThat(e.abandonedRuns()).containsExactly("baseline_rep_2");
        assertThat(e).hasMessageContaining("abandoned (still running): baseline_rep_2");
        RunFailure stuck = e.partialResult().errors().get("baseline_rep_2");
        assertThat(stuck.type()).isEqualTo("java.util.concurrent.TimeoutException");
        assertThat(stuck.message()).contains("was abandoned in step 'Stuck'");
        assertThat(stuck.stackTrace()).as("where the thread was stuck").contains("spinIgnoringInterrupts");
        assertThat(e.partialResult().metric("baseline", RecordStep.METRIC).values()).startsWith(0, 1);
        Path version = root.resolve("limited/v0");
        assertThat(ArtifactPlugin.readPartialResult(version).errors()).containsKey("baseline_rep_2");

        release.set(true);
        Thread.sleep(500); // the abandoned run now ends, writes an artifact and returns its record
        assertThat(files(root)).noneMatch(p -> p.endsWith("late.txt"));
        assertThat(ArtifactPlugin.readPartialResult(version).errors()).containsKey("baseline_rep_2");
        // the experiment is free for the next execution, which the late run does not disturb
        assertThat(experiment.run(RunRequest.defaults().withReplicates(2)).errors()).isEmpty();
    }

    @Test
    void cancellationIsObservedWhileAStepRuns() {
        CountDownLatch sleeping = new CountDownLatch(1);
        Step<Number, Number> sleepy = Step.of("Sleepy", (data, ctx) -> {
            if (ctx.replicate() == 1) {
                sleeping.countDown();
                Thread.sleep(Long.MAX_VALUE);
            }
            return data;
        });
        Experiment experiment = experiment(sleepy, 1);
        long start = System.nanoTime();

        ExecutionCancelledException e = catchThrowableOfType(ExecutionCancelledException.class,
                () -> experiment.run(RunRequest.defaults().withCancellation(() -> sleeping.getCount() == 0)));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(ENDS_WITHIN_MILLIS);
        assertThat(e.partialResult().errors().get("baseline_rep_1").type())
                .isEqualTo("java.util.concurrent.CancellationException");
        assertThat(e.partialResult().metric("baseline", RecordStep.METRIC).values()).containsExactly(0);
    }

    /**
     * A cancellation alone needs nothing walked away from, so the calling thread runs the runs
     * itself (no thread hand-over); the interrupt that stops a run there never outlives it.
     */
    @Test
    void aCancellableExecutionRunsOnTheCallingThreadAndLeavesItUninterrupted() throws InterruptedException {
        Thread caller = Thread.currentThread();
        List<Thread> ranOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch sleeping = new CountDownLatch(1);
        Step<Number, Number> sleepy = Step.of("Sleepy", (data, ctx) -> {
            ranOn.add(Thread.currentThread());
            if (ctx.replicate() == 1) {
                sleeping.countDown();
                Thread.sleep(Long.MAX_VALUE);
            }
            return data;
        });

        ExecutionCancelledException e = catchThrowableOfType(ExecutionCancelledException.class,
                () -> experiment(sleepy, 1).run(RunRequest.defaults().withCancellation(() -> sleeping.getCount() == 0)));

        assertThat(ranOn).containsOnly(caller).hasSize(2);
        assertThat(e.partialResult().errors().get("baseline_rep_1").type())
                .isEqualTo("java.util.concurrent.CancellationException");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        Thread.sleep(4 * ExecutionClock.TICK_MILLIS); // the clock's later ticks reach nobody
        assertThat(Thread.currentThread().isInterrupted()).isFalse();

        List<Thread> limited = new java.util.concurrent.CopyOnWriteArrayList<>();
        experiment(Step.<Number, Number>of("Quick", (data, ctx) -> {
            limited.add(Thread.currentThread());
            return data;
        }), 1).run(RunRequest.defaults().withTimeLimit(Duration.ofMinutes(1)));
        assertThat(limited).isNotEmpty().doesNotContain(caller); // a time limit: on a worker it can walk away from
    }

    @Test
    void aSetupThatHangsIsAbandonedAndNamed() {
        Step<Number, Number> hangingSetup = new Step<>() {
            @Override
            public void setup(Resources resources) {
                spinIgnoringInterrupts(release);
            }

            @Override
            public Number apply(Number input, Context context) {
                return input;
            }

            @Override
            public String name() {
                return "Loader";
            }
        };

        TimeLimitExceededException e = runLimited(experiment(hangingSetup, 1), Duration.ofMillis(300));

        assertThat(e).hasMessageContaining("abandoned in the setup of step 'Loader'").hasMessageContaining("5 not started");
        assertThat(e.partialResult().errors()).isEmpty();
    }

    @Test
    void theCallerInterruptedWhileWatchingStopsTheExecution() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        Step<Number, Number> sleepy = Step.of("Sleepy", (data, ctx) -> {
            if (ctx.replicate() == 1) {
                sleeping.countDown();
                Thread.sleep(Long.MAX_VALUE);
            }
            return data;
        });
        Experiment experiment = experiment(sleepy, 1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                experiment.run(RunRequest.defaults().withTimeLimit(Duration.ofMinutes(10)));
            } catch (Throwable e) {
                thrown.set(e);
            }
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(sleeping.await(20, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(ENDS_WITHIN_MILLIS);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(ExecutionCancelledException.class)
                .hasMessageContaining("was interrupted while waiting for its runs")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(interruptedAfter).isTrue();
        assertThat(root.resolve("limited/v0/baseline/results.json")).exists();
    }

    @Test
    void aTimeLimitMustBePositive() {
        assertThatThrownBy(() -> RunRequest.defaults().withTimeLimit(Duration.ZERO))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must be positive, got PT0S");
        assertThat(RunRequest.defaults().withTimeLimit(Duration.ofSeconds(1)).withTimeLimit(null).timeLimit()).isNull();
    }

    @Test
    void anExecutionWithinItsLimitIsCompleteAndUntouched() {
        Result result = experiment(stuckOnReplicateTwo(false), 1)
                .run(RunRequest.defaults().withReplicates(2).withTimeLimit(Duration.ofMinutes(1)));

        assertThat(result.errors()).isEmpty();
        assertThat(root.resolve("limited/v0/baseline/.crystallize_complete")).exists();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
