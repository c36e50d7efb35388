package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.core.Result;
import io.crystallize.core.TestContexts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN §3.5 across processes: concurrent executions claim different versions; a killed one never looks complete. */
class ArtifactProcessTest {

    @TempDir
    Path temp;

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ArtifactWorker.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process process) throws Exception {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("worker finished in time").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String version(String output) {
        return output.lines().filter(l -> l.startsWith("VERSION ")).map(l -> l.substring(8)).findFirst()
                .orElseThrow(() -> new AssertionError("no VERSION line in: " + output));
    }

    @Test
    void twoJvmsStartedTogetherClaimDifferentVersions() throws Exception {
        Path root = temp.resolve("root");
        Path go = temp.resolve("go");
        Process first = start(root.toString(), "run", go.toString());
        Process second = start(root.toString(), "run", go.toString());
        Files.writeString(go, "go");

        String a = version(finish(first));
        String b = version(finish(second));

        assertThat(List.of(a, b)).containsExactlyInAnyOrder("v0", "v1");
        for (String v : List.of(a, b)) {
            Path version = root.resolve(ArtifactWorker.EXPERIMENT).resolve(v);
            assertThat(version.resolve("baseline/.crystallize_complete")).exists();
            Result result = ArtifactPlugin.readResult(version);
            assertThat(result.metric("baseline", "metric").values()).containsExactly(0, 1, 2);
            for (int r = 0; r < 3; r++) {
                assertThat(version.resolve("replicate_" + r + "/baseline/Work/out.txt")).hasContent("replicate " + r);
            }
        }
    }

    @Test
    void killedExecutionLeavesNothingMarkedCompleteAndTheNextOneWorks() throws Exception {
        Path root = temp.resolve("root");
        Path marker = temp.resolve("blocked");
        Process worker = start(root.toString(), "block", "-", marker.toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(marker)) {
                if (!worker.isAlive()) {
                    throw new AssertionError("worker died before blocking: "
                            + new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                }
                assertThat(System.nanoTime()).as("worker blocked in time").isLessThan(deadline);
                Thread.sleep(10);
            }
        } finally {
            worker.destroyForcibly();
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Path killedVersion = root.resolve(ArtifactWorker.EXPERIMENT).resolve("v0");
        assertThat(killedVersion.resolve("replicate_0/baseline/Work/out.txt")).exists();
        assertThat(completeMarkers(root)).isEmpty();

        var experiment = ArtifactWorker.experiment(root, null);
        Result result = experiment.run();
        assertThat(result.errors()).isEmpty();
        Path next = experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory();
        assertThat(next.getFileName().toString()).isEqualTo("v1");
        assertThat(completeMarkers(root)).containsExactly(next.resolve("baseline/.crystallize_complete"));
        assertThat(experiment.artifactDataSource("Work", "out.txt").fetch(TestContexts.of("baseline", 2)))
                .isEqualTo(next.resolve("replicate_2/baseline/Work/out.txt"));
    }

    private static List<Path> completeMarkers(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals(".crystallize_complete")).toList();
        }
    }
}
