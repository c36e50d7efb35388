package io.crystallize.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.artifacts.Retention;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One Experiment used from two threads at once: the second execution is refused, the first loses nothing. */
class ConcurrentUseTest {

    @TempDir
    Path root;

    @Test
    void aSecondExecutionWhileOneRunsIsRefusedAndTheFirstIsComplete() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch secondTried = new CountDownLatch(1);
        Step<Number, Number> holding = Step.of("Holding", (data, ctx) -> {
            ctx.artifacts().writeText("out.txt", "replicate " + ctx.replicate());
            if (ctx.replicate() == 1) {
                firstRunning.countDown();
                secondTried.await(20, TimeUnit.SECONDS);
            }
            return data;
        });
        Experiment experiment = Experiment.builder("shared").dataSource(new ReplicateSource()).step(holding)
                .step(new RecordStep()).plugin(new ArtifactPlugin(root, Retention.keepAll())).replicates(3).build();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Result> first = threads.submit(() -> experiment.run());
            assertThat(firstRunning.await(20, TimeUnit.SECONDS)).isTrue();
            Future<Result> second = threads.submit(() -> experiment.run());
            Throwable refused = null;
            try {
                second.get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                refused = e.getCause();
            }
            secondTried.countDown();
            Result result = first.get(20, TimeUnit.SECONDS);

            assertThat(refused).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("run(...) of experiment 'shared' was called while thread")
                    .hasMessageContaining("one execution at a time");
            assertThat(result.metric("baseline", RecordStep.METRIC).values()).containsExactly(0, 1, 2);
            assertThat(ArtifactPlugin.readResult(root.resolve("shared/v0")).metric("baseline", RecordStep.METRIC)
                    .values()).containsExactly(0, 1, 2);
            assertThat(root.resolve("shared/v0/baseline/.crystallize_complete")).exists();
            for (int r = 0; r < 3; r++) {
                assertThat(root.resolve("shared/v0/replicate_" + r + "/baseline/Holding/out.txt")).hasContent("replicate " + r);
            }
            assertThat(Files.exists(root.resolve("shared/v1"))).as("the refused execution claimed no version").isFalse();

            // once the first is done, the experiment runs again, into its own version
            threads.submit(() -> experiment.run()).get(20, TimeUnit.SECONDS);
            assertThat(root.resolve("shared/v1/baseline/.crystallize_complete")).exists();
        } finally {
            secondTried.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aStepRunningItsOwnExperimentFailsItsRunWithAClearError() {
        Experiment[] self = new Experiment[1];
        Step<Number, Number> reentrant = Step.of("Reentrant", (data, ctx) -> (Number) self[0].apply(data));
        self[0] = Experiment.builder("reentrant").dataSource(new ReplicateSource()).step(reentrant).build();

        Result result = self[0].run();

        assertThat(result.errors().get("baseline_rep_0").message())
                .contains("apply(...) of experiment 'reentrant' was called while this thread executes it");
    }
}
