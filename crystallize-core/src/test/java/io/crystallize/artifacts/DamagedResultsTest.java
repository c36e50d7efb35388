package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Execution;
import io.crystallize.core.ExecutionCancelledException;
import io.crystallize.core.Experiment;
import io.crystallize.core.Plugin;
import io.crystallize.core.Result;
import io.crystallize.core.RunRequest;
import io.crystallize.core.Step;
import io.crystallize.core.TestContexts;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, partial and odd results directories: errors name the file and the way out, new versions
 * are always claimed, readers say what a version holds, and leftovers of failed executions go.
 */
class DamagedResultsTest {

    @TempDir
    Path temp;

    private static Experiment.Builder experiment(String name, Path root) {
        return Experiment.builder(name).dataSource(new ReplicateSource()).step(ArtifactPluginTest.writer(false))
                .step(new RecordStep()).plugin(new ArtifactPlugin(root, Retention.keepAll())).replicates(2);
    }

    /** A copy of {@code from} under a new root, so this JVM's first claim there reads the directory afresh. */
    private Path copyOf(Path from, String rootName) throws IOException {
        Path root = temp.resolve(rootName);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = root.resolve(from.getParent().relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return root;
    }

    private static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }

    @Test
    void aTruncatedMetadataFileOfTheNewestVersionNeverStopsNewVersions() throws IOException {
        Path first = temp.resolve("first");
        Experiment.Builder builder = experiment("damaged", first);
        Experiment original = builder.build();
        original.run();
        original.run();
        Path root = copyOf(first.resolve("damaged"), "copy");
        Path metadata = root.resolve("damaged/v1/metadata.json");
        truncate(metadata);
        List<String> warnings = captureWarnings();

        Experiment again = experiment("damaged", root).build();
        try {
            assertThatThrownBy(() -> again.artifactDataSource("Writer", "out.txt", null, true))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining(metadata + " is damaged")
                    .hasMessageContaining("delete " + root.resolve("damaged/v1") + " or rerun the experiment");

            Result result = again.run();

            assertThat(result.errors()).isEmpty();
            Path written = root.resolve("damaged/v2");
            assertThat(again.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory()).isEqualTo(written);
            assertThat(ArtifactPlugin.versionStatus(written)).isEqualTo(VersionStatus.COMPLETE);
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains(metadata.toString()).contains("Delete"));
        } finally {
            stopCapturing();
        }
    }

    @Test
    void theOwnerIsStillCheckedInAnOlderVersionWhenTheNewestMetadataIsDamaged() throws IOException {
        Path first = temp.resolve("first");
        Experiment original = experiment("owned", first).id("com.example.Original").build();
        original.run();
        original.run();
        Path root = copyOf(first.resolve("owned"), "copy");
        truncate(root.resolve("owned/v1/metadata.json"));

        assertThatThrownBy(() -> experiment("owned", root).id("com.example.Other").build().run())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("two experiments named 'owned'");
    }

    @Test
    void aTruncatedResultFileIsAnErrorNamingItAndTheWayOut() throws IOException {
        Path root = temp.resolve("root");
        experiment("truncated", root).build().run();
        Path version = root.resolve("truncated/v0");
        truncate(version.resolve("result.json"));

        assertThatThrownBy(() -> ArtifactPlugin.readResult(version)).isInstanceOf(IOException.class)
                .hasMessageContaining(version.resolve("result.json") + " is damaged")
                .hasMessageContaining("delete " + version + " or rerun the experiment");
    }

    @Test
    void resultsWithoutMetricsAreAClearError() throws IOException {
        Path root = temp.resolve("root");
        experiment("nulls", root).build().run();
        Path version = root.resolve("nulls/v0");
        Path results = version.resolve("baseline/results.json");
        Files.writeString(results, "{\"metrics\":null}");

        assertThatThrownBy(() -> ArtifactPlugin.readResult(version)).isInstanceOf(IOException.class)
                .hasMessageContaining(results + " has no \"metrics\" object");

        Files.writeString(results, "{\"metrics\":{\"metric\":null}}");
        assertThatThrownBy(() -> ArtifactPlugin.readResult(version)).isInstanceOf(IOException.class)
                .hasMessageContaining("metric 'metric' has no values");

        Files.writeString(results, "{\"metrics\":{\"metric\":[1.0,2.0]},\"replicates\":{\"metric\":[0]}}");
        assertThatThrownBy(() -> ArtifactPlugin.readResult(version)).isInstanceOf(IOException.class)
                .hasMessageContaining("metric 'metric' is inconsistent");
    }

    @Test
    void aCancelledVersionSaysSoAndIsNeverReadAsComplete() throws IOException {
        Path root = temp.resolve("root");
        Experiment experiment = experiment("cancelled", root).build();
        AtomicInteger polls = new AtomicInteger();

        assertThatThrownBy(() -> experiment.run(RunRequest.defaults().withReplicates(6)
                .withCancellation(() -> polls.incrementAndGet() > 2))).isInstanceOf(ExecutionCancelledException.class);

        Path version = root.resolve("cancelled/v0");
        assertThat(ArtifactPlugin.versionStatus(version)).isEqualTo(VersionStatus.CANCELLED);
        assertThat(Files.readString(version.resolve("metadata.json"))).contains("\"cancelled\" : true");
        assertThatThrownBy(() -> ArtifactPlugin.readResult(version))
                .isInstanceOfSatisfying(IncompleteVersionException.class, e -> {
                    assertThat(e.status()).isEqualTo(VersionStatus.CANCELLED);
                    assertThat(e.directory()).isEqualTo(version);
                })
                .hasMessageContaining("cancelled execution").hasMessageContaining("partial");
        assertThat(ArtifactPlugin.latestCompleteVersion(root, "cancelled")).isEmpty();

        experiment.run();
        assertThat(ArtifactPlugin.latestCompleteVersion(root, "cancelled")).contains(root.resolve("cancelled/v1"));
        assertThat(ArtifactPlugin.versionStatus(version)).as("retention and cleanup keep it").isEqualTo(
                VersionStatus.CANCELLED);
    }

    @Test
    void aVersionWhoseResultsCouldNotBeWrittenReadsAsFailed() throws IOException {
        Path root = temp.resolve("root");
        AtomicReference<ArtifactPlugin> plugin = new AtomicReference<>();
        Step<Number, Number> blocker = Step.of("Blocker", (data, ctx) -> {
            // a directory where results.json must go makes the results fail to be written
            Files.createDirectories(plugin.get().versionDirectory().resolve("baseline/results.json"));
            return data;
        });
        Experiment experiment = Experiment.builder("unwritable").dataSource(new ReplicateSource()).step(blocker)
                .step(new RecordStep()).plugin(new ArtifactPlugin(root)).build();
        plugin.set(experiment.getPlugin(ArtifactPlugin.class).orElseThrow());

        assertThatThrownBy(experiment::run).hasMessageContaining("afterRun of plugin ArtifactPlugin failed");

        Path version = root.resolve("unwritable/v0");
        assertThat(ArtifactPlugin.versionStatus(version)).isEqualTo(VersionStatus.FAILED);
        assertThat(version.resolve(VersionLock.FILE)).as("the lock is released").doesNotExist();
        assertThatThrownBy(() -> ArtifactPlugin.readResult(version))
                .isInstanceOfSatisfying(IncompleteVersionException.class,
                        e -> assertThat(e.status()).isEqualTo(VersionStatus.FAILED))
                .hasMessageContaining("was not finished");
    }

    @Test
    void aVersionBeingWrittenReadsAsRunning() {
        Path root = temp.resolve("root");
        AtomicReference<ArtifactPlugin> plugin = new AtomicReference<>();
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        Step<Number, Number> look = Step.of("Look", (data, ctx) -> {
            Path version = plugin.get().versionDirectory();
            seen.add(ArtifactPlugin.versionStatus(version));
            try {
                ArtifactPlugin.readResult(version);
            } catch (IncompleteVersionException e) {
                seen.add(e.status());
            }
            return data;
        });
        Experiment experiment = Experiment.builder("running").dataSource(new ReplicateSource()).step(look)
                .step(new RecordStep()).plugin(new ArtifactPlugin(root)).build();
        plugin.set(experiment.getPlugin(ArtifactPlugin.class).orElseThrow());

        assertThat(experiment.run().errors()).isEmpty();
        assertThat(seen).containsExactly(VersionStatus.RUNNING, VersionStatus.RUNNING);
    }

    /** Fails beforeRun or the execution strategy while {@code failing} is set; placed after the artifact plugin. */
    private static final class FailingPlugin implements Plugin {
        final AtomicBoolean failing = new AtomicBoolean(true);
        final boolean inLoop;

        FailingPlugin(boolean inLoop) {
            this.inLoop = inLoop;
        }

        @Override
        public void beforeRun(Execution execution) {
            if (!inLoop && failing.get()) {
                throw new IllegalStateException("beforeRun fails");
            }
        }

        @Override
        public boolean runExperimentLoop(Execution execution, List<Runnable> runs) {
            if (inLoop && failing.get()) {
                throw new IllegalStateException("the strategy fails");
            }
            return false;
        }
    }

    @Test
    void aClaimWhoseExecutionFailedInAHookIsRemovedByTheNextExecution() throws IOException {
        for (boolean inLoop : new boolean[] {false, true}) {
            Path root = temp.resolve("hook-" + inLoop);
            FailingPlugin failing = new FailingPlugin(inLoop);
            Experiment experiment = experiment("hooked", root).plugin(failing).build();

            assertThatThrownBy(experiment::run).hasMessageContaining("fails");
            assertThat(root.resolve("hooked/v0")).isDirectory();

            failing.failing.set(false);
            experiment.run();

            assertThat(root.resolve("hooked/v0")).as("left empty by the failed execution").doesNotExist();
            assertThat(ArtifactPlugin.versionStatus(root.resolve("hooked/v1"))).isEqualTo(VersionStatus.COMPLETE);
        }
    }

    @Test
    void versionsAreComparedAsNumbers() throws Exception {
        Path first = temp.resolve("first");
        experiment("numbered", first).build().run();
        Path root = copyOf(first.resolve("numbered"), "copy");
        Files.move(root.resolve("numbered/v0"), root.resolve("numbered/v999999999"));
        Files.createDirectory(root.resolve("numbered/v0999999999")); // not a name this library writes: ignored

        Experiment experiment = experiment("numbered", root).build();
        experiment.run();

        Path newest = root.resolve("numbered/v1000000000");
        assertThat(experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory()).isEqualTo(newest);
        assertThat(ArtifactPlugin.latestCompleteVersion(root, "numbered")).contains(newest);
        assertThat(experiment.artifactDataSource("Writer", "out.txt").fetch(TestContexts.of("baseline", 1)))
                .isEqualTo(newest.resolve("replicate_1/baseline/Writer/out.txt"));
        assertThat(Layout.versions(root.resolve("numbered"))).containsExactly(999_999_999L, 1_000_000_000L);
    }

    @Test
    void versionNamesAreTheOnesThisLibraryWrites() {
        assertThat(Layout.isVersionName("v0")).isTrue();
        assertThat(Layout.isVersionName("v999999999999999999")).isTrue();
        assertThat(Layout.isVersionName("v" + (999_999_999_999_999_999L + 1))).as("its successor").isTrue();
        assertThat(Layout.isVersionName("v" + Long.MAX_VALUE)).isTrue();
        assertThat(Layout.isVersionName("v9223372036854775808")).as("beyond a long").isFalse();
        assertThat(Layout.isVersionName("v99999999999999999999")).isFalse();
        assertThat(Layout.isVersionName("v01")).isFalse();
        assertThat(Layout.isVersionName("v")).isFalse();
        assertThat(Layout.isVersionName("v1a")).isFalse();
    }

    private static final Logger ARTIFACTS = Logger.getLogger("io.crystallize.artifacts");
    private Handler handler;

    private List<String> captureWarnings() {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        ARTIFACTS.addHandler(handler);
        return warnings;
    }

    private void stopCapturing() {
        ARTIFACTS.removeHandler(handler);
    }
}
