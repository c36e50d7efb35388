package io.crystallize.hazelcast.engine;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Context;
import java.util.random.RandomGenerator;

/**
 * The experiment ClusterEngineTest runs through the engine: seeded noise and a shift. On a worker
 * ({@code cluster.sleepMillis} set) each run prints which run it is, so the test counts runs per worker.
 */
@Experiment(replicates = 8, seed = 5)
public class ClusterEngineExperiment {

    @Param
    double shift = 0.0;

    @DataSource
    double noise(RandomGenerator random) {
        return random.nextGaussian();
    }

    @Step
    double score(double noise, Context context) throws InterruptedException {
        Long sleep = Long.getLong("cluster.sleepMillis");
        if (sleep != null) {
            System.out.println("ran " + context.condition() + "_rep_" + context.replicate());
            Thread.sleep(sleep);
        }
        double value = 10 + noise + shift * (1 + noise / 10); // the shift varies with the noise
        context.metrics().record("score", value);
        return value;
    }

    @Treatment(name = "shifted", set = "shift=3.0")
    void treatments() {
    }

    @Hypothesis(metric = "score")
    void shiftRaisesScore() {
    }
}
