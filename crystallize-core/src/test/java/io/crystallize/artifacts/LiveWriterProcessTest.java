package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version another JVM is still writing is left alone: retention passes over it until it is
 * finished, cleanup does not touch its files, readers say it is running. Once that JVM is killed,
 * the version reads as failed and the next JVM cleans what the writer left half-done.
 */
class LiveWriterProcessTest {

    @TempDir
    Path temp;

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowWriter.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process process) throws Exception {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("writer finished in time").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static void awaitFile(Path file, Process writer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            if (!writer.isAlive()) {
                throw new AssertionError("writer died early: "
                        + new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThat(System.nanoTime()).as("writer reached " + file.getFileName() + " in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void retentionOfAFasterJvmNeverDeletesWhatASlowerOneIsStillWriting() throws Exception {
        Path root = temp.resolve("root");
        Path marker = temp.resolve("writing");
        Path release = temp.resolve("release");
        Process slow = start(root.toString(), marker.toString(), release.toString());
        Path slowVersion = root.resolve(SlowWriter.EXPERIMENT).resolve("v0");
        Path slowArtifact = slowVersion.resolve("replicate_0/baseline/Work/big.bin");
        Path inFlight = slowVersion.resolve("replicate_1/baseline/.big.bin.4242.1.tmp");
        try {
            awaitFile(marker, slow);
            Files.createDirectories(inFlight.getParent());
            Files.write(inFlight, new byte[16]); // as if the slow writer were renaming it right now

            assertThat(ArtifactPlugin.versionStatus(slowVersion)).isEqualTo(VersionStatus.RUNNING);
            assertThatThrownBy(() -> ArtifactPlugin.readResult(slowVersion))
                    .isInstanceOfSatisfying(IncompleteVersionException.class,
                            e -> assertThat(e.status()).isEqualTo(VersionStatus.RUNNING))
                    .hasMessageContaining("still being written");

            Experiment fast = SlowWriter.experiment(root, null, null);
            for (int i = 0; i < 4; i++) {
                fast.run(); // v1..v4: v0 and v1 leave the kept window of 3
            }

            assertThat(slowArtifact).exists().hasSize(SlowWriter.BIG);
            assertThat(inFlight).as("cleanup leaves a live writer's files alone").exists();
            assertThat(root.resolve(SlowWriter.EXPERIMENT).resolve("v1/replicate_0/baseline/Work/big.bin"))
                    .as("a finished version that left the window is stripped").doesNotExist();
            Files.delete(inFlight);
        } finally {
            Files.writeString(release, "go");
        }
        String output = finish(slow);

        assertThat(output).contains("VERSION v0").contains("ARTIFACTS OK 3");
        assertThat(ArtifactPlugin.versionStatus(slowVersion)).isEqualTo(VersionStatus.COMPLETE);
        Result stored = ArtifactPlugin.readResult(slowVersion);
        assertThat(stored.metric("baseline", "metric").values()).containsExactly(0, 1, 2);
        assertThat(slowVersion.resolve(VersionLock.FILE)).as("a finished writer removes its lock file").doesNotExist();

        SlowWriter.experiment(root, null, null).run(); // v5: the version passed over is stripped now that it is done
        assertThat(slowArtifact).doesNotExist();
        assertThat(slowVersion.resolve("baseline/results.json")).exists();
        assertThat(ArtifactPlugin.readResult(slowVersion)).isEqualTo(stored);
    }

    @Test
    void aKilledWritersVersionReadsAsFailedAndTheNextJvmCleansItsLeftovers() throws Exception {
        Path root = temp.resolve("root");
        Path marker = temp.resolve("writing");
        Process slow = start(root.toString(), marker.toString(), temp.resolve("never").toString());
        Path version = root.resolve(SlowWriter.EXPERIMENT).resolve("v0");
        Path inFlight = version.resolve("replicate_1/baseline/Work/.big.bin.4242.1.tmp");
        try {
            awaitFile(marker, slow);
            Files.createDirectories(inFlight.getParent());
            Files.write(inFlight, new byte[16]);
            assertThat(version.resolve(VersionLock.FILE)).exists();
        } finally {
            slow.destroyForcibly();
            assertThat(slow.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(ArtifactPlugin.versionStatus(version)).isEqualTo(VersionStatus.FAILED);
        assertThatThrownBy(() -> ArtifactPlugin.readResult(version))
                .isInstanceOfSatisfying(IncompleteVersionException.class,
                        e -> assertThat(e.status()).isEqualTo(VersionStatus.FAILED))
                .hasMessageContaining("was not finished");

        String output = finish(start(root.toString()));

        assertThat(output).contains("VERSION v1").contains("ARTIFACTS OK 3");
        assertThat(inFlight).doesNotExist();
        assertThat(version.resolve("replicate_1/baseline/Work")).as("emptied directories go too").doesNotExist();
        assertThat(version.resolve(VersionLock.FILE)).doesNotExist();
        assertThat(version.resolve("replicate_0/baseline/Work/big.bin")).as("what the writer finished stays")
                .hasSize(SlowWriter.BIG);
        assertThat(ArtifactPlugin.versionStatus(version)).isEqualTo(VersionStatus.FAILED);
        assertThat(ArtifactPlugin.latestCompleteVersion(root, SlowWriter.EXPERIMENT)).contains(root.resolve(
                SlowWriter.EXPERIMENT).resolve("v1"));
    }
}
