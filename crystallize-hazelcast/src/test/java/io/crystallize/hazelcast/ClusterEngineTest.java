package io.crystallize.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.hazelcast.engine.ClusterEngineExperiment;
import io.crystallize.junit.Constants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code crystallize.execution.cluster}: the engine finds this module's provider and runs on real worker JVMs. */
class ClusterEngineTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void loopback() {
        System.setProperty("hazelcast.local.localAddress", "127.0.0.1");
    }

    @Test
    void theEngineRunsAnExperimentOnTheClusterTheKeysNameWithInProcessResults() throws Exception {
        int basePort = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
        try (Workers workers = new Workers("engine-test-" + ThreadLocalRandom.current().nextInt(1_000_000), basePort)) {
            Workers.Worker first = workers.start(0, 2, null, "-Dcluster.sleepMillis=20");
            Workers.Worker second = workers.start(1, 2, null, "-Dcluster.sleepMillis=20");
            Path clustered = dir.resolve("cluster");
            EngineExecutionResults onCluster = engine(clustered)
                    .configurationParameter(Constants.CLUSTER, workers.cluster)
                    .configurationParameter(Constants.CLUSTER_MEMBERS, String.join(",", workers.members(2)))
                    .configurationParameter(Constants.CLUSTER_SECRET, Workers.SECRET)
                    .configurationParameter(Constants.CLUSTER_WORKERS, "2")
                    .execute();
            Path local = dir.resolve("local");
            EngineExecutionResults inProcess = engine(local).execute();

            onCluster.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
            inProcess.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
            for (String condition : List.of("baseline", "shifted")) {
                assertThat(results(clustered, condition)).isEqualTo(results(local, condition));
            }
            Thread.sleep(200); // the workers' last lines reach their readers
            assertThat(first.runs().get() + second.runs().get()).as("runs on the workers").isEqualTo(16);
            assertThat(first.runs().get()).as("runs on worker 0").isPositive();
            assertThat(second.runs().get()).as("runs on worker 1").isPositive();
        }
    }

    private EngineTestKit.Builder engine(Path root) {
        return EngineTestKit.engine("crystallize").selectors(selectClass(ClusterEngineExperiment.class))
                .configurationParameter(Constants.ARTIFACTS_ROOT, root.toString())
                .configurationParameter(Constants.REPORT_ENABLED, "false")
                .configurationParameter(Constants.PROGRESS, "off");
    }

    private static String results(Path root, String condition) throws IOException {
        Path version = ArtifactPlugin.latestCompleteVersion(root, "ClusterEngineExperiment").orElseThrow();
        return Files.readString(version.resolve(condition).resolve("results.json"));
    }
}
