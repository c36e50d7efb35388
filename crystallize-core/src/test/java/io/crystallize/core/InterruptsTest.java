package io.crystallize.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.artifacts.Retention;
import io.crystallize.base.RunFailure;
import io.crystallize.plugins.ParallelExecution;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt is a request to stop: serially and in parallel alike, the interrupted run is
 * recorded, its thread's status is cleared before anything else runs on it, what finished is
 * written, and the execution reports the interruption.
 */
class InterruptsTest {

    @TempDir
    Path root;

    @AfterEach
    void clearThisThread() {
        Thread.interrupted();
    }

    private Experiment.Builder experiment(String name, Step<Number, Number> step, int workers) {
        Experiment.Builder builder = Experiment.builder(name).dataSource(new ReplicateSource()).step(step)
                .step(new RecordStep()).plugin(new ArtifactPlugin(root, Retention.keepAll())).replicates(5);
        return workers > 1 ? builder.plugin(new ParallelExecution(workers)) : builder;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aStepLeavingItsThreadInterruptedFailsItsOwnRunAndStopsTheExecution(int workers) throws Exception {
        Step<Number, Number> leaky = Step.of("Leaky", (data, ctx) -> {
            if (ctx.replicate() == 1 && ctx.condition().equals("baseline")) {
                Thread.currentThread().interrupt();
            }
            return data;
        });
        Experiment experiment = experiment("leaky", leaky, workers)
                .treatment(Treatment.of("plus", Map.of(ReplicateSource.INCREMENT, 10))).build();

        ExecutionCancelledException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                ExecutionCancelledException.class, experiment::run);
        Thread.interrupted(); // set again when the step ran on this thread

        assertThat(e).hasMessageContaining("was interrupted in run baseline_rep_1 (step 'Leaky')")
                .hasCauseInstanceOf(InterruptedException.class);
        RunFailure own = e.partialResult().errors().get("baseline_rep_1");
        assertThat(own.type()).isEqualTo(InterruptedException.class.getName());
        assertThat(own.message()).isEqualTo("step 'Leaky' returned with its thread interrupted");
        assertThat(e.partialResult().metric("baseline", RecordStep.METRIC).values()).startsWith(0);
        // nothing failed because the interrupt reached it: other runs failed only if the stop interrupted them
        e.partialResult().errors().forEach((key, failure) -> assertThat(failure.type()).as(key)
                .isEqualTo(InterruptedException.class.getName()));
        if (workers == 1) {
            assertThat(e.partialResult().errors()).containsOnlyKeys("baseline_rep_1");
            assertThat(e.partialResult().metric("plus", RecordStep.METRIC).values()).containsExactly(10);
        }
        assertThat(ArtifactPlugin.readPartialResult(root.resolve("leaky/v0")).errors()).containsKey("baseline_rep_1");

        // the threads that ran it carry nothing over into the next execution
        Result next = experiment("clean", Step.of("Clean", (data, ctx) -> {
            Thread.sleep(1);
            return data;
        }), workers).build().run();
        assertThat(next.errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void theCallerInterruptedDuringARunKeepsAndWritesWhatFinishedThenReportsIt(int workers) throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        Step<Number, Number> sleepy = Step.of("Sleepy", (data, ctx) -> {
            if (ctx.replicate() == 2) {
                sleeping.countDown();
                Thread.sleep(TimeUnit.MINUTES.toMillis(5));
            }
            return data;
        });
        Experiment experiment = experiment("interrupted", sleepy, workers).build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                experiment.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(sleeping.await(20, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100); // let the other worker finish its runs and wait for the sleeping one
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(ExecutionCancelledException.class)
                .hasMessageContaining("execution of 'interrupted' was interrupted")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(interruptedAfter).as("the caller's interrupt status is set again").isTrue();
        Result partial = ((ExecutionCancelledException) thrown.get()).partialResult();
        assertThat(partial.errors()).containsOnlyKeys("baseline_rep_2");
        assertThat(partial.errors().get("baseline_rep_2").type()).isEqualTo(InterruptedException.class.getName());
        double[] values = partial.metric("baseline", RecordStep.METRIC).values();
        assertThat(values).startsWith(0, 1);
        Result written = ArtifactPlugin.readPartialResult(root.resolve("interrupted/v0"));
        assertThat(written.errors()).containsOnlyKeys("baseline_rep_2");
        assertThat(written.metric("baseline", RecordStep.METRIC).values()).containsExactly(values);
        assertThat(root.resolve("interrupted/v0/baseline/.crystallize_complete")).doesNotExist();
    }
}
