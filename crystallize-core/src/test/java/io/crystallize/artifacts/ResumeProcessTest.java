package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JVM killed with SIGKILL half-way through its runs, then resumed by another JVM: only the
 * missing runs execute, and the completed version equals an uninterrupted execution's byte for byte.
 */
class ResumeProcessTest {

    private static final int REPLICATES = 30;
    private static final int RUNS = 2 * REPLICATES;
    private static final long SEED = 4242;

    @TempDir
    Path temp;

    private static Process start(Path root, String mode, long seed, int replicates, long sleepMillis) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ResumeWorker.class.getName(), root.toString(), mode,
                Long.toString(seed), Integer.toString(replicates), Long.toString(sleepMillis)));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process process) throws Exception {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("worker finished in time").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    static String line(String output, String key) {
        return output.lines().filter(l -> l.startsWith(key + " ")).map(l -> l.substring(key.length() + 1)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " line in: " + output));
    }

    /** Starts a worker and kills it (SIGKILL) once its journal holds at least {@code runs} runs. */
    static int killAfter(Process worker, Path versionDir, int runs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            while (true) {
                RunJournal.Contents contents = Files.exists(versionDir) ? RunJournal.read(versionDir) : null;
                if (contents != null && contents.runs().size() >= runs) {
                    break;
                }
                assertThat(worker.isAlive()).as("the worker is still running when its journal shows "
                        + (contents == null ? 0 : contents.runs().size()) + " runs").isTrue();
                assertThat(System.nanoTime()).as("journal reached " + runs + " runs in time").isLessThan(deadline);
                Thread.sleep(5);
            }
        } finally {
            worker.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        }
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        return RunJournal.read(versionDir).runs().size();
    }

    @Test
    void aKilledExecutionResumesWithOnlyItsMissingRunsAndEqualsAnUninterruptedOne() throws Exception {
        Path reference = temp.resolve("reference");
        ResumeWorker.experiment(reference, SEED, REPLICATES, 0, new AtomicInteger()).run();
        Path expected = reference.resolve(ResumeWorker.EXPERIMENT).resolve("v0");

        Path root = temp.resolve("killed");
        Path version = root.resolve(ResumeWorker.EXPERIMENT).resolve("v0");
        int kept = killAfter(start(root, "fresh", SEED, REPLICATES, 15), version, RUNS / 2);
        assertThat(kept).isBetween(RUNS / 2, RUNS - 1);
        assertThat(ArtifactPlugin.versionStatus(version)).isEqualTo(VersionStatus.FAILED);
        assertThat(ArtifactPlugin.latestCompleteVersion(root, ResumeWorker.EXPERIMENT)).isEmpty();
        tearTail(version);

        String output = finish(start(root, "resume", SEED, REPLICATES, 0));
        assertThat(line(output, "EXECUTED")).isEqualTo(Integer.toString(RUNS - kept));
        assertThat(line(output, "VERSION")).isEqualTo("v0");
        assertThat(ArtifactPlugin.versionStatus(version)).isEqualTo(VersionStatus.COMPLETE);
        assertThat(Layout.versions(root.resolve(ResumeWorker.EXPERIMENT))).containsExactly(0L);
        for (String condition : List.of("baseline", "shifted")) {
            assertThat(Files.readAllBytes(version.resolve(condition).resolve(Layout.RESULTS)))
                    .as(condition + "/results.json").isEqualTo(Files.readAllBytes(expected.resolve(condition)
                            .resolve(Layout.RESULTS)));
            for (int r = 0; r < REPLICATES; r++) {
                assertThat(version.resolve("replicate_" + r).resolve(condition).resolve("work").resolve("note.txt"))
                        .hasContent(condition + " " + r);
            }
        }
        assertThat(version.resolve(Layout.MANIFEST)).hasSameTextualContentAs(expected.resolve(Layout.MANIFEST));
        assertThat(version.resolve(RunJournal.FILE)).doesNotExist();
        assertThat(ArtifactPlugin.readMetadata(version)).containsEntry("resumed_runs", kept);
        assertThat(ArtifactPlugin.readResult(version).metrics())
                .isEqualTo(ArtifactPlugin.readResult(expected).metrics());
    }

    @Test
    void aResumeWithAnotherSeedOrReplicateCountStartsAfreshAndLeavesTheKilledVersionAlone() throws Exception {
        Path root = temp.resolve("killed");
        Path experimentDir = root.resolve(ResumeWorker.EXPERIMENT);
        int kept = killAfter(start(root, "fresh", SEED, REPLICATES, 15), experimentDir.resolve("v0"), 10);
        assertThat(kept).isLessThan(RUNS);

        String otherSeed = finish(start(root, "resume", SEED + 1, REPLICATES, 0));
        assertThat(line(otherSeed, "EXECUTED")).isEqualTo(Integer.toString(RUNS));
        assertThat(line(otherSeed, "VERSION")).isEqualTo("v1");
        assertThat(otherSeed).contains("not resuming 'durable'").contains("seed is '4242' there, '4243' here");
        assertThat(ArtifactPlugin.versionStatus(experimentDir.resolve("v0"))).isEqualTo(VersionStatus.FAILED);
        assertThat(RunJournal.read(experimentDir.resolve("v0")).runs()).hasSize(kept);
    }

    /** A record cut off by the kill: its length and part of its payload, then nothing. */
    private static void tearTail(Path version) throws IOException {
        long end = RunJournal.read(version).validEnd();
        try (FileChannel channel = FileChannel.open(version.resolve(RunJournal.FILE), StandardOpenOption.WRITE)) {
            ByteBuffer torn = ByteBuffer.allocate(20).putInt(64).putInt(0x12345678).put(new byte[] {3, 0, 0, 0, 1});
            torn.flip();
            channel.write(torn, end);
        }
        assertThat(RunJournal.read(version).validEnd()).isEqualTo(end);
    }
}
