package io.crystallize.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Result;
import io.crystallize.core.RunRequest;
import io.crystallize.fork.ExperimentSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster of real worker JVMs on loopback, the driver a lite member in this JVM. */
class ClusterExecutionTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void loopback() {
        System.setProperty("hazelcast.local.localAddress", "127.0.0.1");
    }

    private static int basePort() {
        return 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    }

    @Test
    void killingAWorkerMidExecutionStillRecordsEveryRunOnceAsSerial() throws Exception {
        try (Workers workers = new Workers("kill-test-" + ThreadLocalRandom.current().nextInt(1_000_000), basePort())) {
            Workers.Worker first = workers.start(0, 3, null, "-D" + ClusterSampleBuild.SLEEP + "=150");
            workers.start(1, 3, null, "-D" + ClusterSampleBuild.SLEEP + "=150");
            workers.start(2, 3, null, "-D" + ClusterSampleBuild.SLEEP + "=150");
            Path clustered = dir.resolve("cluster");
            try (ClusterExecution cluster = new ClusterExecution(workers.driverSettings(3),
                    ExperimentSource.factory(ClusterSample.class)).withWorkers(3, Duration.ofSeconds(60))) {
                Thread killer = new Thread(() -> {
                    while (first.runs().get() < 2) { // in its second run: killed mid-execution
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    first.process().destroyForcibly(); // SIGKILL on Linux: kill -9
                });
                killer.setDaemon(true);
                killer.start();
                Result result = ClusterSampleBuild.build(clustered).run(RunRequest.defaults().withStrategy(cluster));
                killer.join(10_000);
                assertThat(first.process().isAlive()).as("worker 0 was killed").isFalse();
                assertThat(cluster.resubmittedRuns()).as("runs of the killed worker submitted again").isPositive();

                Result serial = ClusterSampleBuild.build(dir.resolve("serial")).run();
                assertThat(result.errors()).isEmpty();
                assertThat(result.metrics()).isEqualTo(serial.metrics());
                for (String condition : List.of("baseline", "shifted")) {
                    assertThat(results(clustered, condition)).isEqualTo(results(dir.resolve("serial"), condition));
                    assertThat(result.metrics().get(condition).get("score").replicates())
                            .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
                }
            }
            // the two workers left refuse to send back more than the driver accepts
            try (ClusterExecution small = new ClusterExecution(workers.driverSettings(3),
                    ExperimentSource.factory(ClusterSample.class)).withMaxOutcomeBytes(64)) {
                Result tooLarge = ClusterSampleBuild.build(dir.resolve("small"), 2)
                        .run(RunRequest.defaults().withStrategy(small));
                assertThat(tooLarge.errors()).hasSize(4).allSatisfy((key, failure) -> assertThat(failure.message())
                        .contains("more than the 64 bytes a driver accepts from a cluster worker",
                                "raise the limit with ClusterExecution.withMaxOutcomeBytes"));
            }
        }
    }

    @Test
    void aWorkerWithAnotherBuildOfTheExperimentIsRefused() throws Exception {
        Path classes = dir.resolve("other-build");
        Path source = dir.resolve("src/io/crystallize/hazelcast/ClusterSample.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package io.crystallize.hazelcast;

                public final class ClusterSample implements java.util.function.Supplier<io.crystallize.core.Experiment> {
                    @Override
                    public io.crystallize.core.Experiment get() {
                        System.err.println("built by another version of this class");
                        return ClusterSampleBuild.defaultBuild();
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), source.toString());
        assertThat(status).isZero();
        try (Workers workers = new Workers("build-test-" + ThreadLocalRandom.current().nextInt(1_000_000), basePort())) {
            workers.start(0, 1, classes);
            try (ClusterExecution cluster = new ClusterExecution(workers.driverSettings(1),
                    ExperimentSource.factory(ClusterSample.class)).withWorkers(1, Duration.ofSeconds(60))) {
                assertThatThrownBy(() -> ClusterSampleBuild.build(dir.resolve("r"), 2)
                        .run(RunRequest.defaults().withStrategy(cluster)))
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("has a different build of experiment 'cluster-sample' (class hash")
                        .hasMessageContaining("start workers with the same build");
            }
        }
    }

    @Test
    void aClusterNeedsANameAndASecret() {
        assertThatThrownBy(() -> new ClusterSettings("c", "short", List.of(), 5701))
                .hasMessageContaining("shared secret of at least 16 characters");
        assertThatThrownBy(() -> new ClusterSettings(" ", Workers.SECRET, List.of(), 5701))
                .hasMessageContaining("needs a name");
    }

    private static String results(Path root, String condition) throws Exception {
        Path version = ArtifactPlugin.latestCompleteVersion(root, "cluster-sample").orElseThrow();
        return Files.readString(version.resolve(condition).resolve("results.json"));
    }
}
