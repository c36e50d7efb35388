package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.core.Experiment;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a version's writer is known to be alive or gone when its lock cannot tell (locks not shared
 * on the file system), and what a later execution cleans up after writers that are gone.
 */
class LeftoversTest {

    @TempDir
    Path root;

    private static final String HOST = VersionLock.Writer.SELF.host();

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor();
        return process.pid();
    }

    /** A lock file as a writer makes it, but not locked: what a reader sees where locks are not shared. */
    private static Path unlockedLockFile(Path version, String content, Duration age) throws IOException {
        Files.createDirectories(version);
        Path file = Files.writeString(version.resolve(VersionLock.FILE), content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    private static String writer(long pid, String host, long started) {
        return new VersionLock.Writer(pid, host, started).describe();
    }

    @Test
    void onThisHostTheWritersProcessTellsWhetherItIsAlive() throws Exception {
        VersionLock.Writer self = VersionLock.Writer.SELF;
        unlockedLockFile(root.resolve("alive"), self.describe(), Duration.ofHours(1));
        unlockedLockFile(root.resolve("dead"), writer(deadPid(), HOST, self.startMillis()), Duration.ZERO);
        unlockedLockFile(root.resolve("reused"), writer(self.pid(), HOST, self.startMillis() - 60_000), Duration.ZERO);

        assertThat(VersionLock.isLive(root.resolve("alive"))).isTrue();
        assertThat(VersionLock.isLive(root.resolve("dead"))).isFalse();
        assertThat(VersionLock.isLive(root.resolve("reused"))).as("a pid reused by another process").isFalse();
    }

    @Test
    void onAnotherHostTheHeartbeatTellsWhetherTheWriterIsAlive() throws Exception {
        String other = writer(1, "elsewhere-" + HOST, 1);
        unlockedLockFile(root.resolve("beating"), other, Duration.ofSeconds(5));
        unlockedLockFile(root.resolve("stale"), other, VersionLock.STALE.plusSeconds(5));

        assertThat(VersionLock.isLive(root.resolve("beating"))).isTrue();
        assertThat(VersionLock.isLive(root.resolve("stale"))).isFalse();
    }

    @Test
    void aClaimThatHasNotMadeItsLockFileYetIsLiveForAWhile() throws Exception {
        Path young = Files.createDirectories(root.resolve("young"));
        Path old = Files.createDirectories(root.resolve("old"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(VersionLock.CLAIM_GRACE.plusSeconds(5))));
        Path finished = Files.createDirectories(root.resolve("finished"));
        Files.writeString(finished.resolve("metadata.json"), "{}");
        unlockedLockFile(root.resolve("garbled"), "not a writer", Duration.ZERO);

        assertThat(VersionLock.isLive(young)).isTrue();
        assertThat(VersionLock.isLive(old)).isFalse();
        assertThat(VersionLock.isLive(finished)).as("a writer makes its lock file first: content without one is done")
                .isFalse();
        assertThat(VersionLock.isLive(root.resolve("garbled"))).isTrue();
    }

    @Test
    void theFirstClaimInAJvmCleansWhatDeadWritersLeftAndNothingElse() throws Exception {
        Path experimentDir = root.resolve("swept");
        Instant old = Instant.now().minus(VersionLock.CLAIM_GRACE.plusSeconds(5));
        // v0: a writer killed before it wrote anything but a temporary file
        Path v0 = experimentDir.resolve("v0");
        unlockedLockFile(v0, writer(deadPid(), HOST, 1), Duration.ZERO);
        Files.createDirectories(v0.resolve("replicate_0/baseline/Writer"));
        Files.write(v0.resolve("replicate_0/baseline/Writer/.out.txt.4242.1.tmp"), new byte[3]);
        // v1: claimed long ago, the claim died before its lock file
        Path v1 = Files.createDirectories(experimentDir.resolve("v1"));
        Files.setLastModifiedTime(v1, FileTime.from(old));
        // v2: a dead writer that finished one artifact and was renaming the next
        Path v2 = experimentDir.resolve("v2");
        unlockedLockFile(v2, writer(deadPid(), HOST, 1), Duration.ZERO);
        Path finishedArtifact = v2.resolve("replicate_0/baseline/Writer/out.txt");
        Files.createDirectories(finishedArtifact.getParent());
        Files.writeString(finishedArtifact, "kept");
        Files.write(v2.resolve("replicate_0/baseline/Writer/.out2.txt.4242.1.tmp"), new byte[3]);
        // v3: a writer on this host that is alive (this JVM's process), its lock not shared
        Path v3 = experimentDir.resolve("v3");
        unlockedLockFile(v3, VersionLock.Writer.SELF.describe(), Duration.ZERO);
        Path liveTemporary = Files.write(v3.resolve(".metadata.json.1.1.tmp"), new byte[3]);

        Experiment experiment = Experiment.builder("swept").dataSource(new ReplicateSource())
                .step(ArtifactPluginTest.writer(false)).step(new RecordStep()).plugin(new ArtifactPlugin(root)).build();
        experiment.run();

        assertThat(v0).doesNotExist();
        assertThat(v1).doesNotExist();
        assertThat(finishedArtifact).hasContent("kept");
        assertThat(v2.resolve("replicate_0/baseline/Writer/.out2.txt.4242.1.tmp")).doesNotExist();
        assertThat(v2.resolve(VersionLock.FILE)).doesNotExist();
        assertThat(ArtifactPlugin.versionStatus(v2)).isEqualTo(VersionStatus.FAILED);
        assertThat(liveTemporary).exists();
        assertThat(v3.resolve(VersionLock.FILE)).exists();
        assertThat(ArtifactPlugin.versionStatus(v3)).isEqualTo(VersionStatus.RUNNING);
        assertThat(experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory())
                .isEqualTo(experimentDir.resolve("v4"));
    }

    /**
     * A version whose writer wrote its metadata and deleted its lock file got through to its end:
     * it is passed over without a look inside. One whose lock file is still there is looked at,
     * metadata or not.
     */
    @Test
    void aVersionWhoseWriterGotToItsEndIsPassedOverButADeadWritersIsCleanedEvenWithMetadata() throws Exception {
        Path experimentDir = root.resolve("ended");
        Path v0 = Files.createDirectories(experimentDir.resolve("v0"));
        Files.writeString(v0.resolve(Layout.METADATA), "{\"replicates\": 1}");
        Path trusted = Files.write(v0.resolve(".result.json.4242.1.tmp"), new byte[3]);
        Path v1 = experimentDir.resolve("v1");
        unlockedLockFile(v1, writer(deadPid(), HOST, 1), Duration.ZERO);
        Files.writeString(v1.resolve(Layout.METADATA), "{\"replicates\": 1}");
        Path left = Files.write(v1.resolve(".result.json.4242.1.tmp"), new byte[3]);

        assertThat(Leftovers.finishedByItsWriter(v0)).isTrue();
        assertThat(Leftovers.finishedByItsWriter(v1)).isFalse();
        Experiment experiment = Experiment.builder("ended").dataSource(new ReplicateSource())
                .step(new RecordStep()).plugin(new ArtifactPlugin(root)).build();
        experiment.run();

        assertThat(trusted).exists();
        assertThat(left).doesNotExist();
        assertThat(v1.resolve(VersionLock.FILE)).doesNotExist();
        assertThat(v1.resolve(Layout.METADATA)).exists();
        assertThat(experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory())
                .isEqualTo(experimentDir.resolve("v2"));
    }

    @Test
    void theFirstClaimLooksThroughTheNewestVersionsOnly() throws Exception {
        Path experimentDir = root.resolve("many");
        long dead = deadPid();
        int versions = Leftovers.VERSIONS_LOOKED_AT + 5;
        for (int v = 0; v < versions; v++) {
            Path version = experimentDir.resolve("v" + v);
            unlockedLockFile(version, writer(dead, HOST, 1), Duration.ZERO);
            Files.write(version.resolve(".metadata.json.4242.1.tmp"), new byte[3]);
        }

        Experiment experiment = Experiment.builder("many").dataSource(new ReplicateSource())
                .step(new RecordStep()).plugin(new ArtifactPlugin(root)).build();
        experiment.run();

        // the newest versions a dead writer left are cleaned (nothing else was in them: they are gone)
        for (int v = versions - Leftovers.VERSIONS_LOOKED_AT; v < versions; v++) {
            assertThat(experimentDir.resolve("v" + v)).doesNotExist();
        }
        // older ones were the first claims of earlier JVMs to clean: this one does not look at them
        for (int v = 0; v < versions - Leftovers.VERSIONS_LOOKED_AT; v++) {
            assertThat(experimentDir.resolve("v" + v).resolve(".metadata.json.4242.1.tmp")).exists();
        }
        assertThat(experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory())
                .isEqualTo(experimentDir.resolve("v" + versions));
    }
}
