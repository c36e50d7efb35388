package io.crystallize.compat;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Metrics;
import io.crystallize.hypothesis.Direction;
import io.crystallize.hypothesis.Expectation;
import java.util.random.RandomGenerator;

/** Express shipping cuts delivery days; a cheaper carrier is not slower by more than a day. */
@Experiment(seed = 7)
@Treatment(name = "express", set = "days=2.0")
@Treatment(name = "cheap_carrier", set = "days=4.3")
public class ShippingExperiment {

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

    @Hypothesis(metric = "delivery_days", direction = Direction.LOWER_IS_BETTER,
            treatments = "express")
    void expressIsFaster() {
    }

    @Hypothesis(metric = "delivery_days", direction = Direction.LOWER_IS_BETTER,
            expect = Expectation.Kind.NOT_WORSE_BY_MORE_THAN, margin = 1.0,
            treatments = "cheap_carrier")
    void cheapCarrierIsNotMuchSlower() {
    }
}
