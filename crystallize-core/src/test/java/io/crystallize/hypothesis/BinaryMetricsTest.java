package io.crystallize.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.MetricSeries;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 0/1 metrics get the tests made for them: the default test hands them over (or the hypothesis
 * declares them), small samples that cannot reach alpha are INCONCLUSIVE saying what they need, and
 * the p-values are the oracle's (reference/binary-vectors.json, made by make_binary_vectors.py).
 */
class BinaryMetricsTest {

    private static final double ORACLE = 1e-9;

    /** Evidence of one metric "ok" for the baseline and treatment "t", replicate i in element i. */
    static Evidence evidence(double[] baseline, double[] treatment, boolean sharedSeeds) {
        Map<String, Map<String, MetricSeries>> metrics = new LinkedHashMap<>();
        metrics.put("baseline", Map.of("ok", series(baseline)));
        metrics.put("t", Map.of("ok", series(treatment)));
        return new Evidence(metrics, Map.of(), Math.max(baseline.length, treatment.length), sharedSeeds, 0);
    }

    private static MetricSeries series(double[] values) {
        int[] replicates = new int[values.length];
        Arrays.setAll(replicates, i -> i);
        return new MetricSeries(values, replicates);
    }

    /** n values, the first {@code ones} of them 1. */
    static double[] ones(int ones, int n) {
        double[] v = new double[n];
        Arrays.fill(v, 0, ones, 1.0);
        return v;
    }

    static Verdict verdict(Hypothesis h, Evidence e) {
        return h.evaluate(e, List.of("t")).verdicts().get(0);
    }

    @Test
    void zeroOneNonInferiorityWithSharedSeedsAt30GetsTangosExactTestNotThePairedT() {
        // baseline succeeds in replicates 0-5 (0.2), the treatment in 0-2 (0.1): 3 pairs favour the baseline
        Verdict v = verdict(Hypothesis.on("ok").expect(Expectation.notWorseByMoreThan(0.1)).build(),
                evidence(ones(6, 30), ones(3, 30), true));

        assertThat(v.test()).isEqualTo("Tango score");
        assertThat(v.pValue()).isCloseTo(0.6474391717918464, within(ORACLE));
        assertThat(v.status()).isEqualTo(Verdict.Status.NOT_SUPPORTED);
        assertThat(v.method()).contains("default test for a 0/1 metric")
                .contains("exact unconditional")
                .contains("treatment alone succeeded in 0, baseline alone in 3, of 30 pairs")
                .contains("greater: treatment − baseline > -0.1000 (non-inferiority margin 0.1000)");
        assertThat(v.message()).contains("Tango score p=0.6474").endsWith("NOT_SUPPORTED");
    }

    @Test
    void zeroOneNonInferiorityWithSharedSeedsAt10GetsTangosExactTest() {
        // 2 pairs favour the treatment (replicates 0, 1), 5 the baseline (2-6)
        double[] baseline = {0, 0, 1, 1, 1, 1, 1, 0, 0, 1};
        double[] treatment = {1, 1, 0, 0, 0, 0, 0, 0, 0, 1};

        Verdict v = verdict(Hypothesis.on("ok").expect(Expectation.notWorseByMoreThan(0.1)).build(),
                evidence(baseline, treatment, true));

        assertThat(v.test()).isEqualTo("Tango score");
        assertThat(v.statistic()).isCloseTo(-0.7664456894364083, within(ORACLE));
        assertThat(v.pValue()).isCloseTo(0.804396916300623, within(ORACLE));
        assertThat(v.nPairs()).isEqualTo(10);
    }

    @Test
    void zeroOneNonInferiorityWithoutSharedSeedsGetsTheExactScoreTest() {
        Verdict v = verdict(Hypothesis.on("ok").expect(Expectation.notWorseByMoreThan(0.1)).build(),
                evidence(ones(6, 30), ones(3, 30), false));

        assertThat(v.test()).isEqualTo("Miettinen-Nurminen score");
        assertThat(v.pValue()).isCloseTo(0.6474391717918463, within(ORACLE));
        assertThat(v.method()).contains("successes: treatment 3/30, baseline 6/30").contains("exact unconditional");
    }

    @Test
    void lowerIsBetterTurnsTheTestAround() {
        // a rate of failures, lower better: treatment 6/30 against baseline 3/30 is worse by exactly the margin
        Verdict v = verdict(Hypothesis.on("ok").lowerIsBetter().expect(Expectation.notWorseByMoreThan(0.1)).build(),
                evidence(ones(3, 30), ones(6, 30), false));

        // treatment − baseline < +0.1 is, with the sides swapped, 3/30 − 6/30 > −0.1: the oracle's "greater" case
        assertThat(v.alternative()).isEqualTo("less");
        assertThat(v.pValue()).isCloseTo(0.6474391717918463, within(ORACLE));
    }

    @Test
    void allZeroPairsAreAnOutcomeTheExactTestDecides() {
        // no variance at all: a t-test could not tell a deterministic effect from chance, the exact test can,
        // because 30 concordant pairs are unlikely (at most 0.9^30) when the rates differ by the margin
        Verdict v = verdict(Hypothesis.on("ok").expect(Expectation.notWorseByMoreThan(0.1)).build(),
                evidence(new double[30], new double[30], true));

        assertThat(v.test()).isEqualTo("Tango score");
        assertThat(v.pValue()).isCloseTo(0.04239115827521623, within(ORACLE));
        assertThat(v.status()).isEqualTo(Verdict.Status.SUPPORTED);
        assertThat(v.method()).doesNotContain("no variance");
    }

    @Test
    void tooFewDiscordantPairsIsInconclusiveWithTheCountNeeded() {
        // 30 pairs, 3 of them discordant (all for the treatment): the smallest one-sided p is 0.5^3 = 0.125
        Verdict v = verdict(Hypothesis.on("ok").build(), evidence(ones(6, 30), ones(9, 30), true));

        assertThat(v.status()).as(v.message()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.test()).isEqualTo("McNemar exact");
        assertThat(v.pValue()).isNaN();
        assertThat(v.mde()).isInfinite();
        assertThat(v.message()).contains("too few discordant pairs")
                .contains("treatment alone succeeded in 3, baseline alone in 0, of 30 pairs")
                .contains("smallest one-sided p-value is 0.1250")
                .contains("needs at least 5 discordant pairs")
                .contains("about 50 pairs");
        assertThat(v.method()).startsWith("McNemar exact not run: its smallest p-value at this n is 0.1250");
    }

    @Test
    void twoSidedMcNemarNeedsOneDiscordantPairMore() {
        Verdict v = verdict(Hypothesis.on("ok").expect(Expectation.different()).build(),
                evidence(ones(0, 20), ones(5, 20), true));

        assertThat(v.status()).as(v.message()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.message()).contains("smallest two-sided p-value is 0.0625").contains("needs at least 6");
    }

    @Test
    void enoughDiscordantPairsAreTestedByTheExactBinomial() {
        // 6 discordant pairs, all for the treatment: p = 0.5^6
        Verdict v = verdict(Hypothesis.on("ok").build(), evidence(ones(4, 20), ones(10, 20), true));

        assertThat(v.test()).isEqualTo("McNemar exact");
        assertThat(v.statistic()).isEqualTo(6);
        assertThat(v.pValue()).isEqualTo(Math.pow(0.5, 6));
        assertThat(v.status()).isEqualTo(Verdict.Status.SUPPORTED);
    }

    @Test
    void noPairsCountAtAllIsInconclusiveSayingNoneAreDiscordant() {
        Verdict v = verdict(Hypothesis.on("ok").build(), evidence(ones(10, 10), ones(10, 10), true));

        assertThat(v.status()).as(v.message()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.message()).contains("needs at least 5 discordant pairs").contains("none discordant so far");
    }

    @Test
    void tinyIndependentSamplesThatCannotReachAlphaAreInconclusiveWithTheSizeNeeded() {
        // 2 per side: the most extreme table (2/2 vs 0/2) has p = max over the rate of π²(1 − π)² = 1/16
        Verdict v = verdict(Hypothesis.on("ok").build(), evidence(ones(0, 2), ones(2, 2), false));

        assertThat(v.status()).as(v.message()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.test()).isEqualTo("Miettinen-Nurminen score");
        assertThat(v.message()).contains("no outcome reaches p < alpha 0.05").contains("needs at least 3 values per side");
    }

    @Test
    void tinyPairedNonInferiorityThatCannotReachAlphaIsInconclusive() {
        // the oracle: with 4 pairs the smallest p of Tango's exact test at margin 0.1 is 0.041, with 3 it is above 0.05
        Verdict v = verdict(Hypothesis.on("ok").expect(Expectation.notWorseByMoreThan(0.1)).build(),
                evidence(ones(0, 3), ones(3, 3), true));

        assertThat(v.status()).as(v.message()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.message()).contains("with 3 replicate-matched pairs no outcome reaches p < alpha 0.05")
                .contains("needs at least 4 pairs");
    }

    @Test
    void equivalenceIsTwoOneSidedExactTests() {
        Verdict v = verdict(Hypothesis.on("ok").expect(Expectation.equivalentWithin(0.2)).build(),
                evidence(ones(15, 40), ones(16, 40), false));

        assertThat(v.test()).isEqualTo("Miettinen-Nurminen score TOST");
        double lower = io.crystallize.stats.IndependentProportions.scoreTest(16, 40, 15, 40, -0.2,
                io.crystallize.stats.Alternative.GREATER).pValue();
        double upper = io.crystallize.stats.IndependentProportions.scoreTest(16, 40, 15, 40, 0.2,
                io.crystallize.stats.Alternative.LESS).pValue();
        assertThat(v.pValue()).isEqualTo(Math.max(lower, upper));
        assertThat(v.status()).isEqualTo(v.pValue() < 0.05 ? Verdict.Status.SUPPORTED : Verdict.Status.NOT_SUPPORTED);
    }

    @Test
    void anExplicitTestIsKeptForA01Metric() {
        Verdict v = verdict(Hypothesis.on("ok").verifier(Verifiers.welch()).build(),
                evidence(ones(6, 30), ones(12, 30), true));

        assertThat(v.test()).isEqualTo("Welch t");
    }

    @Test
    void aRelativeMarginKeepsTheDefaultTestUnlessDeclared() {
        Evidence e = evidence(ones(6, 30), ones(12, 30), true);

        Verdict undeclared = verdict(Hypothesis.on("ok").expect(Expectation.notWorseByMoreThan(10).asRelative())
                .build(), e);

        assertThat(undeclared.test()).isEqualTo("paired t");
        assertThatThrownBy(() -> Hypothesis.on("ok").binary().expect(Expectation.notWorseByMoreThan(10).asRelative())
                .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("relative margin")
                .hasMessageContaining("give the margin in rate units");
    }

    @Test
    void aMarginOfOneOrMoreOnADeclared01MetricIsAConfigurationError() {
        assertThatThrownBy(() -> Hypothesis.on("ok").binary().expect(Expectation.notWorseByMoreThan(1)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("rates differ by at most 1");
    }

    @Test
    void aDeclared01MetricWithAnotherValueIsAnErrorWhateverTheTest() {
        double[] treatment = ones(12, 30);
        treatment[7] = 0.5;
        Evidence e = evidence(ones(6, 30), treatment, true);

        Verdict byDefault = verdict(Hypothesis.on("ok").binary().build(), e);
        Verdict byWelch = verdict(Hypothesis.on("ok").binary().verifier(Verifiers.welch()).build(), e);

        assertThat(byDefault.status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(byDefault.message()).contains("need values 0 or 1").contains("has 0.5");
        assertThat(byWelch.status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(byWelch.message()).contains("declares metric 'ok' 0/1, but t has 0.5");
    }

    @Test
    void aDeclared01MetricSaysSoInItsMethod() {
        Verdict v = verdict(Hypothesis.on("ok").binary().build(), evidence(ones(4, 20), ones(10, 20), true));

        assertThat(v.method()).contains("the hypothesis declares the metric 0/1");
    }

    @Test
    void aMetricWithOtherValuesInAnyConditionKeepsTheDefaultTest() {
        Verdict v = verdict(Hypothesis.on("ok").build(), evidence(ones(6, 30), new double[] {
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, true));

        assertThat(v.test()).isEqualTo("paired t");
    }
}
