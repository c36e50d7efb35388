package io.crystallize.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.artifacts.VersionStatus;
import io.crystallize.testing.RecordStep;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JVM whose heap runs out in run after run: the execution stops, and what finished is on disk. */
class HeapExhaustionTest {

    @TempDir
    Path root;

    @Test
    void runningOutOfHeapAgainStopsTheExecutionAndWritesWhatFinished() throws Exception {
        Process worker = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), HeapExhaustionWorker.class.getName(),
                root.toString())).redirectErrorStream(true).start();
        assertThat(worker.waitFor(120, TimeUnit.SECONDS)).as("the worker ended").isTrue();
        String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(worker.exitValue()).as(output).isZero();
        assertThat(output).contains("ABORTED execution of 'exhausted' was aborted: it ran out of memory a second time "
                + "in run baseline_rep_6 (step 'Greedy'), so no further run started; 7 of 20 runs finished and were kept, "
                + "13 not started");
        assertThat(ArtifactPlugin.versionStatus(root.resolve("exhausted/v0"))).isEqualTo(VersionStatus.CANCELLED);
        Result written = ArtifactPlugin.readPartialResult(root.resolve("exhausted/v0"));
        assertThat(written.metric("baseline", RecordStep.METRIC).values()).containsExactly(0, 1, 2, 3, 4);
        assertThat(written.errors()).containsOnlyKeys("baseline_rep_5", "baseline_rep_6");
        assertThat(written.errors().get("baseline_rep_6").type()).isEqualTo(OutOfMemoryError.class.getName());
        assertThat(root.resolve("exhausted/v0/baseline/.crystallize_complete")).doesNotExist();
    }
}
