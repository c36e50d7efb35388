package io.crystallize.compat;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Metrics;
import io.crystallize.hypothesis.Direction;
import java.util.random.RandomGenerator;

/** The gate demonstration: the "faster" carrier is slower, so its hypothesis must fail the build. */
@Experiment(seed = 3)
@Treatment(name = "new_carrier", set = "days=5.0")
public class GateDemoExperiment {

    @Param
    double days = 4.0;

    @DataSource
    int parcels() {
        return 200;
    }

    @Step
    void deliver(int parcels, RandomGenerator random, Metrics metrics) {
        double total = 0;
        for (int i = 0; i < parcels; i++) {
            total += days * (1 + 0.1 * random.nextGaussian()); // noise scales with the mean
        }
        metrics.record("delivery_days", total / parcels);
    }

    @Hypothesis(metric = "delivery_days", direction = Direction.LOWER_IS_BETTER)
    void newCarrierIsFaster() {
    }
}
