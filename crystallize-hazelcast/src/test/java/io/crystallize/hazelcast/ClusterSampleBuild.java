package io.crystallize.hazelcast;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Step;
import io.crystallize.hypothesis.Hypothesis;
import java.nio.file.Path;
import java.util.Map;

/**
 * The experiment the cluster tests run: seeded noise and a treatment shifting it, an artifact per
 * run, and a step that, on workers (which get {@code cluster.sleepMillis}), prints which run it
 * is in and sleeps that long, so a test can kill a worker in the middle of the execution.
 */
public final class ClusterSampleBuild {

    static final String SLEEP = "cluster.sleepMillis";

    private ClusterSampleBuild() {
    }

    public static Experiment build(Path root, int replicates) {
        return Experiment.builder("cluster-sample")
                .dataSource(DataSource.of(ctx -> ctx.random().nextGaussian()))
                .parameter("shift", 0.0)
                .step(Step.of("measure", (Double noise, Context ctx) -> {
                    if (Long.getLong(SLEEP) != null) { // on a worker: say which run it is in
                        System.out.println("ran " + ctx.condition() + "_rep_" + ctx.replicate());
                        Thread.sleep(Long.getLong(SLEEP));
                    }
                    double value = noise + ctx.getDouble("shift");
                    ctx.set("value", value);
                    ctx.metrics().record("score", value);
                    ctx.artifacts().writeText("value.txt", Double.toString(value));
                    return value;
                }))
                .treatment("shifted", Map.of("shift", 1.0))
                .hypothesis(Hypothesis.on("score").build())
                .replicates(replicates)
                .seed(7)
                .plugin(new ArtifactPlugin(root))
                .build();
    }

    static Experiment build(Path root) {
        return build(root, 12);
    }

    static Experiment defaultBuild() {
        return build(ArtifactPlugin.DEFAULT_ROOT);
    }
}
