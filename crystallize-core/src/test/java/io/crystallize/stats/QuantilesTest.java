package io.crystallize.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** t quantiles, from the expansion's start or the library's solver, are the survival function's exact inverse. */
class QuantilesTest {

    static final double[] DF = {1, 1.5, 2, 2.7, 3, 3.4, 4.3, 7, 10, 18.6, 29.5, 100, 1e4, 1e7};
    static final double[] UPPER_TAIL = {0.5, 0.45, 0.2, 0.1, 0.05, 0.025, 0.01, 0.005, 1e-3, 1e-4, 1e-7, 1e-10, 0.9, 0.975};

    @Test
    void tUpperInvertsTheSurvivalFunction() {
        for (double df : DF) {
            TDistribution t = TDistribution.of(df);
            for (double p : UPPER_TAIL) {
                double q = Quantiles.tUpper(df, p);
                assertThat(t.survivalProbability(q)).as("df %s, upper tail %s: t %s", df, p, q)
                        .isCloseTo(p, within(1e-13 * Math.min(p, 1 - p)));
                assertThat(q).as("df %s, upper tail %s", df, p)
                        .isCloseTo(t.inverseSurvivalProbability(p), within(1e-8 * Math.max(1, Math.abs(q))));
            }
        }
    }
}
