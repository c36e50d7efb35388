package io.crystallize.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crystallize.base.MetricSeries;
import io.crystallize.stats.Alternative;
import io.crystallize.stats.ContingencyTests;
import io.crystallize.stats.Power;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's lies, each on the data that showed it: no p-value from an observed zero variance,
 * tests that cannot reach their level, the minimal detectable effect under the family's
 * correction, and relative changes of negative or near-zero baselines.
 */
class VerdictRulesTest {

    static Verifier.Question q(Expectation e, Direction d) {
        return new Verifier.Question(e, d, 0.05);
    }

    static Verifier.Question deterministic(Expectation e, Direction d) {
        return new Verifier.Question(e, d, 0.05, Double.NaN, 1, Correction.HOLM, true);
    }

    /** A 0/1 metric under shared seeds: baseline rate 0.2, treatment 0.1, and these 10 pairs happen to agree. */
    @Test
    void zeroOneMetricWhosePairsAllAgreeIsInconclusiveNotANonInferiorityProof() {
        double[] baseline = {0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
        double[] treatment = baseline.clone();
        Samples s = Samples.paired("converted", "cheaper", baseline, treatment);
        Expectation notWorse = Expectation.notWorseByMoreThan(0.1);

        Verdict v = Verifiers.defaultTest().verify(s, q(notWorse, Direction.HIGHER_IS_BETTER));

        assertThat(v.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.pValue()).isNaN();
        assertThat(v.message()).isEqualTo("converted: cheaper — INCONCLUSIVE: no variance (every paired difference is "
                + "+0.0000): cannot tell a deterministic effect from chance; if the metric is deterministic, declare it "
                + "(@Hypothesis(deterministic = true), or Hypothesis.Builder.deterministic()) and the verdict follows "
                + "the direction; otherwise record a metric that varies between replicates, or run more replicates");
        // the old behaviour, now only for a metric declared deterministic
        Verdict declared = Verifiers.defaultTest().verify(s, deterministic(notWorse, Direction.HIGHER_IS_BETTER));
        assertThat(declared.status()).isEqualTo(Verdict.Status.SUPPORTED);
        assertThat(declared.pValue()).isZero();
    }

    /** An A/A test of Bernoulli(0.5), independent seeds, 2 replicates: both sides came out constant. */
    @Test
    void constantSidesOfIndependentRandomDataAreInconclusiveForEveryComparisonTest() {
        Samples s = Samples.of("ok", "same", new double[] {0, 0}, new double[] {1, 1});
        for (Verifier verifier : List.of(Verifiers.defaultTest(), Verifiers.welch(), Verifiers.student(),
                Verifiers.mannWhitney(), Verifiers.kolmogorovSmirnov(), Verifiers.permutation(), Verifiers.binomial())) {
            Verdict v = verifier.verify(s, q(Expectation.better(), Direction.HIGHER_IS_BETTER));
            assertThat(v.status()).as(verifier.name() + ": " + v.message()).isEqualTo(Verdict.Status.INCONCLUSIVE);
            assertThat(v.message()).contains("baseline always 0", "cannot tell a deterministic effect from chance");
        }
    }

    @Test
    void tableTestsOfZeroOneMetricsNeedNoVarianceEstimateButNeedBothOutcomes() {
        // constant but different sides: Fisher's exact test is valid and runs
        Samples apart = Samples.of("ok", "t", new double[] {0, 0, 0, 0}, new double[] {1, 1, 1, 1});
        Verdict fisher = Verifiers.fisherExact().verify(apart, q(Expectation.better(), Direction.HIGHER_IS_BETTER));
        assertThat(fisher.pValue()).isEqualTo(ContingencyTests.fisherExact(new long[][] {{4, 0}, {0, 4}},
                Alternative.GREATER).pValue()).isCloseTo(1 / 70.0, within(1e-15));
        assertThat(fisher.status()).isEqualTo(Verdict.Status.SUPPORTED);
        // every run of both conditions the same outcome: nothing to tell apart
        Samples same = Samples.of("ok", "t", new double[] {1, 1, 1, 1}, new double[] {1, 1, 1, 1});
        for (Verifier verifier : List.of(Verifiers.fisherExact(), Verifiers.chiSquare(), Verifiers.gTest())) {
            Verdict v = verifier.verify(same, q(Expectation.different(), Direction.HIGHER_IS_BETTER));
            assertThat(v.status()).as(verifier.name()).isEqualTo(Verdict.Status.INCONCLUSIVE);
            assertThat(v.message()).contains("cannot tell a deterministic effect from chance");
        }
        // the binomial test takes the baseline's rate as its null: a constant baseline makes it 0, read off random data
        Samples varyingTreatment = Samples.of("ok", "t", new double[] {0, 0, 0, 0, 0}, new double[] {1, 0, 1, 1, 0});
        Verdict binomial = Verifiers.binomial().verify(varyingTreatment, q(Expectation.better(), Direction.HIGHER_IS_BETTER));
        assertThat(binomial.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(binomial.message()).contains("baseline always 0");
    }

    @Test
    void anovaOfConstantConditionsIsInconclusiveUnlessDeclaredDeterministic() {
        Map<String, double[]> all = new LinkedHashMap<>();
        all.put("baseline", new double[] {3, 3, 3});
        all.put("t", new double[] {4, 4, 4});
        all.put("u", new double[] {3, 3, 3});
        Samples s = Samples.of("m", "t", all.get("baseline"), all.get("t")).withConditions(all);
        Verdict undeclared = Verifiers.anova().verify(s, q(Expectation.different(), Direction.HIGHER_IS_BETTER));
        assertThat(undeclared.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        Verdict declared = Verifiers.anova().verify(s, deterministic(Expectation.different(), Direction.HIGHER_IS_BETTER));
        assertThat(declared.status()).isEqualTo(Verdict.Status.SUPPORTED);
        assertThat(declared.message()).contains("differ deterministically");
    }

    /** Mann-Whitney with 3 values per side, a shift of 5 SD: it cannot reach 0.05, whatever the shift. */
    @Test
    void exactRankTestsAtTinyNAreInconclusiveWithAnInfiniteMdeNotNotSupported() {
        double[] b = {10.1, 9.6, 10.3};
        double[] t = {15.2, 14.8, 15.4};
        Verdict mw = Verifiers.mannWhitney().verify(Samples.of("m", "t", b, t),
                q(Expectation.better(), Direction.HIGHER_IS_BETTER));
        assertThat(mw.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(mw.mde()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(mw.message()).isEqualTo("m: t — INCONCLUSIVE: Mann-Whitney U cannot reach p < alpha 0.05 with 3 values "
                + "per side: the smallest p-value it can give is 0.0500 (one-sided, the most extreme data); it needs at "
                + "least 4 replicates per side");
        // Wilcoxon with 4 pairs: its smallest p is 1/16
        double[] b4 = {10.1, 9.6, 10.3, 9.9};
        double[] t4 = {15.2, 14.8, 15.4, 15.0};
        Verdict w = Verifiers.wilcoxon().verify(Samples.paired("m", "t", b4, t4),
                q(Expectation.better(), Direction.HIGHER_IS_BETTER));
        assertThat(w.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(w.message()).contains("with 4 replicate-matched pairs", "0.0625", "at least 5 replicate-matched pairs");
        // one more value per side and the test decides
        double[] b5 = {10.1, 9.6, 10.3, 9.9, 10.0};
        double[] t5 = {15.2, 14.8, 15.4, 15.0, 15.1};
        assertThat(Verifiers.wilcoxon().verify(Samples.paired("m", "t", b5, t5),
                q(Expectation.better(), Direction.HIGHER_IS_BETTER)).status()).isEqualTo(Verdict.Status.SUPPORTED);
    }

    /** 4 values per side reach 1/70 = 0.014 alone, but not Holm's 0.05 / 4 when all four verdicts are alike. */
    @Test
    void theFloorIsJudgedAtTheLevelTheFamilysCorrectionDemands() {
        Map<String, Map<String, MetricSeries>> metrics = new LinkedHashMap<>();
        int[] reps = {0, 1, 2, 3};
        metrics.put("baseline", Map.of("m", new MetricSeries(new double[] {1, 2, 3, 4}, reps)));
        for (String t : List.of("a", "b", "c", "d")) {
            metrics.put(t, Map.of("m", new MetricSeries(new double[] {11, 12, 13, 14}, reps)));
        }
        Evidence evidence = new Evidence(metrics, Map.of(), 4, false, 0);
        HypothesisResult holm = Hypothesis.on("m").verifier(Verifiers.mannWhitney()).build()
                .evaluate(evidence, List.of("a", "b", "c", "d"));
        assertThat(holm.verdicts()).extracting(Verdict::status).containsOnly(Verdict.Status.INCONCLUSIVE);
        assertThat(holm.verdicts().get(0).message()).contains(
                "cannot reach p < 0.0125 = alpha 0.05 / 4 verdicts (Holm: the smallest adjusted p-value is 4 × the "
                        + "smallest p-value of the family) with 4 values per side", "0.0143", "at least 5");
        HypothesisResult uncorrected = Hypothesis.on("m").verifier(Verifiers.mannWhitney()).correction(Correction.NONE)
                .build().evaluate(evidence, List.of("a", "b", "c", "d"));
        assertThat(uncorrected.verdicts()).extracting(Verdict::status).containsOnly(Verdict.Status.SUPPORTED);
        // Benjamini-Hochberg keeps equal p-values as they are: 1/70 < 0.05 can be supported
        HypothesisResult bh = Hypothesis.on("m").verifier(Verifiers.mannWhitney())
                .correction(Correction.BENJAMINI_HOCHBERG).build().evaluate(evidence, List.of("a", "b", "c", "d"));
        assertThat(bh.verdicts()).extracting(Verdict::status).containsOnly(Verdict.Status.SUPPORTED);
    }

    @Test
    void theMdeOfAHolmFamilyIsAtTheBonferroniLevelAndSaysSo() {
        Map<String, Map<String, MetricSeries>> metrics = new LinkedHashMap<>();
        int[] reps = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] base = {5.1, 4.8, 5.3, 5.0, 4.9, 5.2, 5.4, 4.7, 5.0, 5.1};
        metrics.put("baseline", Map.of("m", new MetricSeries(base, reps)));
        java.util.Random random = new java.util.Random(1);
        for (String t : List.of("a", "b", "c", "d")) {
            double[] values = new double[10];
            java.util.Arrays.setAll(values, i -> base[i] + 0.2 + 0.3 * random.nextGaussian());
            metrics.put(t, Map.of("m", new MetricSeries(values, reps)));
        }
        Evidence evidence = new Evidence(metrics, Map.of(), 10, true, 0);
        Verdict v = Hypothesis.on("m").minimumEffect(0.5).build().evaluate(evidence, List.of("a", "b", "c", "d"))
                .verdicts().get(0);

        double expected = Power.mdePairedT(10, 0.05 / 4, Alternative.GREATER, 0.8);
        assertThat(v.mdeStandardized()).isCloseTo(expected, within(1e-9 * expected));
        assertThat(v.mdeStandardized()).isGreaterThan(Power.mdePairedT(10, 0.05, Alternative.GREATER, 0.8) * 1.2);
        assertThat(v.method()).contains("minimal detectable effect at 80% power: one-sample noncentral t on the pairs, "
                + "df = n − 1, in SDs of the differences (d_z), one-sided at 0.0125 = alpha 0.05 / 4 verdicts (Holm, at "
                + "its first step, the Bonferroni level: conservative)");
        assertThat(v.message()).contains("needs about", "for 80% power at 0.0125 = alpha 0.05 / 4 verdicts");
    }

    /** The line: an improvement from a negative baseline mean was printed as -363.2%. */
    @Test
    void relativeChangeIsShownOnlyForAClearlyPositiveBaselineMean() {
        double[] baseline = {-0.08, -0.03, -0.06, -0.05, -0.0555};
        double[] t1 = {0.12, 0.17, 0.15, 0.13, 0.1545};
        Verdict improvement = Verifiers.welch().verify(Samples.of("score", "t1", baseline, t1),
                q(Expectation.better(), Direction.HIGHER_IS_BETTER));
        assertThat(improvement.relativePercent()).isNaN();
        assertThat(improvement.message()).startsWith("score: t1 0.1449 vs baseline -0.0551 (+0.2000), Welch t p=")
                .doesNotContain("%");
        // a baseline mean whose 95% CI contains 0: no percentage either
        Verdict nearZero = Verifiers.welch().verify(Samples.of("score", "t1", new double[] {-1, 1.2, -0.8, 1.1}, t1),
                q(Expectation.better(), Direction.HIGHER_IS_BETTER));
        assertThat(nearZero.relativePercent()).isNaN();
        assertThat(nearZero.relativeCiLow()).isNaN();
        // clearly positive: the percentage with its CI
        Verdict positive = Verifiers.welch().verify(Samples.of("score", "t1", new double[] {10, 11, 9, 10.5},
                new double[] {11, 12, 10, 11.5}), q(Expectation.better(), Direction.HIGHER_IS_BETTER));
        assertThat(positive.relativePercent()).isCloseTo(100 * 1 / 10.125, within(1e-12));
        assertThat(positive.message()).contains("(+9.9%, 95% CI [");
    }

    @Test
    void aRelativeMarginOfABaselineMeanNotClearlyAwayFromZeroIsInconclusive() {
        Samples s = Samples.of("m", "t", new double[] {-1, 1.2, -0.8, 1.1}, new double[] {0.5, 0.4, 0.6, 0.55});
        Verdict v = Verifiers.welch().verify(s, q(Expectation.notWorseByMoreThan(5).asRelative(),
                Direction.HIGHER_IS_BETTER));
        assertThat(v.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.message()).contains("a margin of 5% of the baseline mean needs a baseline mean clearly away from 0",
                "give the margin in metric units");
    }

    @Test
    void rankTestsTestARelativeMarginAgainstTheScaledBaselineAndShowNoIntervalThatCouldDisagree() {
        double[] b = {10.1, 9.8, 10.4, 10.0, 9.7, 10.2, 10.3, 9.9};
        double[] t = {10.9, 10.5, 11.2, 10.4, 10.8, 11.0, 10.6, 10.1};
        Verdict v = Verifiers.mannWhitney().verify(Samples.of("m", "t", b, t),
                q(Expectation.betterByAtLeast(2).asRelative(), Direction.HIGHER_IS_BETTER));
        double[] scaled = VerdictSemanticsTest.scaled(b, 1.02);
        assertThat(v.pValue()).isEqualTo(io.crystallize.stats.MannWhitney.test(t, scaled, Alternative.GREATER).pValue());
        assertThat(v.relativeCiLow()).isNaN();
        assertThat(v.method()).contains("treatment − 1.02 × baseline > 0").doesNotContain("shifting");
    }
}
