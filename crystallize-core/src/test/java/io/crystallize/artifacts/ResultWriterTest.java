package io.crystallize.artifacts;

import static io.crystallize.testing.Fixtures.increment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results written in the background: complete after {@code await}, in order, failures reported, bounded. */
class ResultWriterTest {

    @TempDir
    Path root;

    private final ResultWriter writer = new ResultWriter();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        writer.close();
    }

    /** Holds the writer's thread until {@link #release} counts down. */
    private void holdTheWriter() throws IOException {
        writer.submit("a held write", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void runReturnsBeforeTheFilesExistAndAwaitLeavesTheSameResultOnDisk() throws IOException {
        holdTheWriter();
        ArtifactPlugin plugin = new ArtifactPlugin(root, Retention.defaults(), writer);
        Experiment experiment = Experiment.builder("background").dataSource(new ReplicateSource())
                .step(new RecordStep()).treatment(increment("treat", 1)).replicates(5).plugin(plugin).build();

        Result result = experiment.run();
        Path version = plugin.versionDirectory();

        assertThat(version.resolve("result.json")).doesNotExist();
        assertThat(version.resolve("baseline").resolve(".crystallize_complete")).doesNotExist();
        release.countDown();
        writer.await();
        assertThat(version.resolve("baseline").resolve(".crystallize_complete")).exists();
        assertThat(version.resolve("treat").resolve(".crystallize_complete")).exists();
        assertThat(ArtifactPlugin.readResult(version)).isEqualTo(result);
    }

    @Test
    void anotherExperimentOfTheSameNameIsRefusedBeforeTheFirstOnesFilesExist() throws IOException {
        holdTheWriter();
        Experiment first = Experiment.builder("shared").id("one.Shared").dataSource(new ReplicateSource()).step(new RecordStep())
                .replicates(2).plugin(new ArtifactPlugin(root, Retention.defaults(), writer)).build();
        Experiment second = Experiment.builder("shared").id("other.Shared").dataSource(new ReplicateSource())
                .step(new RecordStep()).replicates(2)
                .plugin(new ArtifactPlugin(root, Retention.defaults(), writer)).build();
        first.run();

        assertThatThrownBy(second::run).hasMessageContaining("two experiments named 'shared' share the results root")
                .hasMessageContaining("give one of them another name");
    }

    @Test
    void everyWriteHandedOverHappensOnceByTheTimeAwaitReturns() throws IOException {
        List<Integer> written = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            writer.submit("write " + i, () -> written.add(n));
        }
        writer.await();
        assertThat(written).hasSize(50).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
    }

    @Test
    void aResultHandedOverAloneIsWrittenWithoutAnyoneAwaitingIt() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        writer.submit("a lone write", written::countDown);

        assertThat(written.await(10, TimeUnit.SECONDS)).as("written within the writer's linger").isTrue();
    }

    @Test
    void handingOverAfterCloseIsRefused() throws IOException {
        writer.close();

        assertThatThrownBy(() -> writer.submit("a late write", () -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a late write");
    }

    @Test
    void awaitNamesEveryFailedWriteOnceAndTheOthersStillHappen() throws IOException {
        List<String> written = new CopyOnWriteArrayList<>();
        writer.submit("experiment 'a' (v0)", () -> {
            throw new IOException("No space left on device");
        });
        writer.submit("experiment 'b' (v0)", () -> written.add("b"));
        writer.submit("experiment 'c' (v3)", () -> {
            throw new java.nio.file.AccessDeniedException("/results/c/v3/metadata.json");
        });

        assertThatThrownBy(writer::await).isInstanceOf(IOException.class)
                .hasMessageContaining("experiment 'a' (v0)").hasMessageContaining("No space left on device")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessageContaining("experiment 'c' (v3)")
                                .hasMessageContaining("/results/c/v3/metadata.json")));
        assertThat(written).containsExactly("b");
        writer.await(); // reported once
    }

    @Test
    void aFullQueueHasTheCallerWriteItsOwnResultMeanwhile() throws IOException {
        holdTheWriter();
        List<String> writers = new CopyOnWriteArrayList<>();
        for (int i = 1; i < ResultWriter.PENDING; i++) {
            writer.submit("queued " + i, () -> writers.add("queued"));
        }

        writer.submit("one too many", () -> writers.add(Thread.currentThread().getName()));

        assertThat(writers).as("written by the caller while the others wait").containsExactly(Thread.currentThread().getName());
        release.countDown();
        writer.await();
        assertThat(writers).hasSize(ResultWriter.PENDING);
    }

    @Test
    void aFailedWriteOfTheCallerIsReportedByAwaitLikeTheOthers() throws IOException {
        holdTheWriter();
        for (int i = 1; i < ResultWriter.PENDING; i++) {
            writer.submit("queued " + i, () -> { });
        }
        writer.submit("experiment 'late' (v2)", () -> {
            throw new IOException("Read-only file system");
        });

        release.countDown();
        assertThatThrownBy(writer::await).hasMessageContaining("experiment 'late' (v2)")
                .hasMessageContaining("Read-only file system");
    }
}
