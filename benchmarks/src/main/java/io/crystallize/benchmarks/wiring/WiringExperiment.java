package io.crystallize.benchmarks.wiring;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Metrics;

/**
 * Benchmark 2's experiment: one step whose call is measured through each wiring. The step does a
 * little real work (a few dependent multiply-xor rounds, some 10 ns), as any step worth measuring
 * does: a bare {@code value + delta} compiles to well under a nanosecond when called directly, a
 * figure that moves 2x with code placement and cannot anchor a ratio.
 */
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
        long x = value + delta;
        for (int round = 0; round < ROUNDS; round++) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
        }
        return x;
    }

    /** Rounds of the step's work: dependent multiplies, which the JIT cannot fold or vectorize. */
    static final int ROUNDS = 6;

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
