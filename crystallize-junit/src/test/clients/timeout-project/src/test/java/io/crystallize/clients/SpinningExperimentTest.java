package io.crystallize.clients;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Context;
import io.crystallize.core.Metrics;

/** Replicate 1 of the baseline spins forever in step {@code spinForever}, clearing every interrupt. */
@Experiment(replicates = 3, seed = 5)
@Treatment(name = "faster", set = "speed=2.0")
public class SpinningExperimentTest {

    /** Read in the loop so the JIT cannot drop it; never set. */
    static volatile boolean done;

    @Param
    double speed = 1.0;

    @DataSource
    double input() {
        return 10.0;
    }

    @Step
    double spinForever(double input, Context context) {
        if (context.replicate() == 1 && context.condition().equals("baseline")) {
            while (!done) {
                Thread.interrupted();
            }
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
