package io.crystallize.clients;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Context;
import io.crystallize.core.Metrics;

/** Replicate 1 of the baseline sleeps forever in step {@code waitForever}. */
@Experiment(replicates = 3, seed = 5)
@Treatment(name = "faster", set = "speed=2.0")
public class SleepingExperimentTest {

    @Param
    double speed = 1.0;

    @DataSource
    double input() {
        return 10.0;
    }

    @Step
    double waitForever(double input, Context context) throws InterruptedException {
        if (context.replicate() == 1 && context.condition().equals("baseline")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        return input;
    }

    @Step
    void throughput(double input, Context context, Metrics metrics) {
        metrics.record("throughput", input * speed + context.random().nextGaussian());
    }

    @Hypothesis(metric = "throughput")
    void fasterIsFaster() {
    }
}
