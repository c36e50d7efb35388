package io.crystallize.benchmarks.wiring;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Metrics;

/** Benchmark 2's experiment: one step whose call is measured through each wiring. */
@Experiment(replicates = 2, seed = 1)
public class WiringExperiment {

    @Param
    long delta = 1;

    @DataSource
    long start() {
        return 0;
    }

    @Step
    public long add(long value) {
        return value + delta;
    }

    @Step
    void record(long value, Metrics metrics) {
        metrics.record("value", value);
    }

    @Treatment(name = "more", set = "delta=2")
    void treatments() {
    }

    @Hypothesis(metric = "value")
    void moreIsMore() {
    }
}
