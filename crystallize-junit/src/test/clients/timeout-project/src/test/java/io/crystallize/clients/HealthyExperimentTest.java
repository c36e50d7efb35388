package io.crystallize.clients;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Context;
import io.crystallize.core.Metrics;

/** Runs after the stuck experiments' threads were abandoned, and passes. */
@Experiment(replicates = 8, seed = 5)
@Treatment(name = "faster", set = "speed=2.0")
public class HealthyExperimentTest {

    @Param
    double speed = 1.0;

    @DataSource
    double input() {
        return 10.0;
    }

    @Step
    void throughput(double input, Context context, Metrics metrics) {
        // noise scaled by the speed, so that paired differences vary (shared seeds)
        metrics.record("throughput", (input + context.random().nextGaussian()) * speed);
    }

    @Hypothesis(metric = "throughput")
    void fasterIsFaster() {
    }
}
