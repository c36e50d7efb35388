package io.crystallize.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default test on a 0/1 metric with shared seeds holds its level at the non-inferiority margin:
 * seeded simulated experiments whose true difference of rates is exactly −margin give SUPPORTED no
 * more often than alpha plus three Monte-Carlo standard errors. The pair distributions: common random
 * numbers (one uniform per replicate decides both conditions, rates 0.2 vs 0.1: the treatment never
 * succeeds alone), independent draws under shared seeds (rates 0.2 vs 0.1), and every pair discordant
 * (0.55 vs 0.45), where the normal approximation of Tango's test rejects 7% of the time at 30 pairs.
 */
class BinaryLevelTest {

    private static final int EXPERIMENTS = 1000;
    private static final double ALPHA = 0.05;
    private static final double MARGIN = 0.1;

    enum Pairs { COMMON_RANDOM_NUMBERS, INDEPENDENT, ALL_DISCORDANT }

    @ParameterizedTest(name = "{0}, {1} pairs")
    @CsvSource({
        "COMMON_RANDOM_NUMBERS, 10", "COMMON_RANDOM_NUMBERS, 30",
        "INDEPENDENT, 10", "INDEPENDENT, 30",
        "ALL_DISCORDANT, 10", "ALL_DISCORDANT, 30"})
    void falseSupportedAtTheMarginStaysWithinAlpha(Pairs pairs, int n) {
        Hypothesis h = Hypothesis.on("ok").expect(Expectation.notWorseByMoreThan(MARGIN)).alpha(ALPHA).build();
        SplittableRandom random = new SplittableRandom(20261127L + 31L * n + pairs.ordinal());
        int supported = 0;
        for (int e = 0; e < EXPERIMENTS; e++) {
            double[] baseline = new double[n];
            double[] treatment = new double[n];
            for (int i = 0; i < n; i++) {
                draw(pairs, random, baseline, treatment, i);
            }
            Verdict v = h.evaluate(BinaryMetricsTest.evidence(baseline, treatment, true), List.of("t")).verdicts().get(0);
            assertThat(v.test()).isIn("Tango score");
            if (v.status() == Verdict.Status.SUPPORTED) {
                supported++;
            }
        }
        double rate = (double) supported / EXPERIMENTS;
        double bound = ALPHA + 3 * Math.sqrt(ALPHA * (1 - ALPHA) / EXPERIMENTS);
        assertThat(rate).as("false SUPPORTED rate, %s, %d pairs", pairs, n).isLessThanOrEqualTo(bound);
    }

    /** One replicate whose true difference of rates (treatment − baseline) is exactly −0.1. */
    private static void draw(Pairs pairs, SplittableRandom random, double[] baseline, double[] treatment, int i) {
        switch (pairs) {
            case COMMON_RANDOM_NUMBERS -> {
                double u = random.nextDouble();
                baseline[i] = u < 0.2 ? 1 : 0;
                treatment[i] = u < 0.1 ? 1 : 0;
            }
            case INDEPENDENT -> {
                baseline[i] = random.nextDouble() < 0.2 ? 1 : 0;
                treatment[i] = random.nextDouble() < 0.1 ? 1 : 0;
            }
            case ALL_DISCORDANT -> {
                boolean treatmentAlone = random.nextDouble() < 0.45;
                baseline[i] = treatmentAlone ? 0 : 1;
                treatment[i] = treatmentAlone ? 1 : 0;
            }
        }
    }
}
