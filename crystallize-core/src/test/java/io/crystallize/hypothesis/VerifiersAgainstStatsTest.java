package io.crystallize.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.Anova;
import io.crystallize.stats.Binomial;
import io.crystallize.stats.Bootstrap;
import io.crystallize.stats.BootstrapMethod;
import io.crystallize.stats.ContingencyTests;
import io.crystallize.stats.EffectSizes;
import io.crystallize.stats.Equivalence;
import io.crystallize.stats.HodgesLehmann;
import io.crystallize.stats.Interval;
import io.crystallize.stats.KolmogorovSmirnov;
import io.crystallize.stats.MannWhitney;
import io.crystallize.stats.MeanDifference;
import io.crystallize.stats.PermutationTest;
import io.crystallize.stats.RankMethod;
import io.crystallize.stats.TTests;
import io.crystallize.stats.TestResult;
import io.crystallize.stats.TwoSampleStatistic;
import io.crystallize.stats.WilcoxonSignedRank;
import io.crystallize.stats.ZeroMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each verifier's verdict carries the stats library's numbers for the same question. */
class VerifiersAgainstStatsTest {

    static final double[] BASE = {10.1, 9.8, 10.4, 10.0, 9.7, 10.2, 10.3, 9.9};
    static final double[] TREAT = {10.9, 10.5, 11.2, 10.4, 10.8, 11.0, 10.6, 10.1};
    static final Verifier.Question BETTER = q(Expectation.better(), Direction.HIGHER_IS_BETTER);
    static final Verifier.Question DIFFERENT = q(Expectation.different(), Direction.HIGHER_IS_BETTER);

    static Verifier.Question q(Expectation e, Direction d) {
        return new Verifier.Question(e, d, 0.05);
    }

    static Samples unpaired() {
        return Samples.of("m", "t", BASE, TREAT);
    }

    static Samples paired() {
        return Samples.paired("m", "t", BASE, TREAT);
    }

    @Test
    void welchCarriesTTestsAndEffectSizes() {
        Verdict v = Verifiers.welch().verify(unpaired(), DIFFERENT);
        TestResult r = TTests.welch(TREAT, BASE, Alternative.TWO_SIDED);
        MeanDifference md = EffectSizes.meanDifference(TREAT, BASE);
        assertThat(v.test()).isEqualTo("Welch t");
        assertThat(v.pValue()).isEqualTo(r.pValue());
        assertThat(v.statistic()).isEqualTo(r.statistic());
        assertThat(v.ciLow()).isEqualTo(r.confidenceInterval().lower());
        assertThat(v.ciHigh()).isEqualTo(r.confidenceInterval().upper());
        assertThat(v.relativePercent()).isEqualTo(md.relativePercent());
        assertThat(v.relativeCiLow()).isEqualTo(md.relativeConfidenceInterval().lower());
        assertThat(v.effectSizeName()).isEqualTo("hedges_g");
        assertThat(v.effectSize()).isEqualTo(EffectSizes.hedgesG(TREAT, BASE));
        assertThat(v.alternative()).isEqualTo("two-sided");
        assertThat(v.method()).contains("Welch", "alternative: two-sided", "exact", "no continuity correction",
                "n = baseline 8, treatment 8");
        assertThat(v.nPairs()).isEqualTo(-1);
    }

    @Test
    void studentUsesPooledVariance() {
        Verdict v = Verifiers.student().verify(unpaired(), BETTER);
        TestResult r = TTests.student(TREAT, BASE, Alternative.GREATER);
        assertThat(v.test()).isEqualTo("Student t");
        assertThat(v.pValue()).isEqualTo(r.pValue());
        assertThat(v.ciLow()).isEqualTo(r.confidenceInterval().lower());
        assertThat(v.method()).contains("pooled", "df=14");
    }

    @Test
    void pairedTCarriesDzAndCovarianceDeltaMethod() {
        Verdict v = Verifiers.pairedT().verify(paired(), BETTER);
        TestResult r = TTests.paired(TREAT, BASE, Alternative.GREATER);
        MeanDifference md = EffectSizes.pairedMeanDifference(TREAT, BASE);
        assertThat(v.pValue()).isEqualTo(r.pValue());
        assertThat(v.effectSizeName()).isEqualTo("d_z");
        assertThat(v.effectSize()).isEqualTo(EffectSizes.dz(TREAT, BASE));
        assertThat(v.relativeCiHigh()).isEqualTo(md.relativeConfidenceInterval().upper());
        assertThat(v.nPairs()).isEqualTo(8);
        assertThat(v.method()).contains("n = 8 replicate-matched pairs");
    }

    @Test
    void defaultTestPairsOnlyWithSharedSeedsAndCountsPairs() {
        int[] reps = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] treatmentReps = {0, 1, 2, 3, 4, 5, 6, 9};
        Samples shared = new Samples("m", "t", BASE, reps, TREAT, treatmentReps, true);
        Verdict pairedVerdict = Verifiers.defaultTest().verify(shared, BETTER);
        assertThat(pairedVerdict.test()).isEqualTo("paired t");
        assertThat(pairedVerdict.nPairs()).isEqualTo(7);
        assertThat(pairedVerdict.pValue()).isEqualTo(TTests.paired(java.util.Arrays.copyOf(TREAT, 7),
                java.util.Arrays.copyOf(BASE, 7), Alternative.GREATER).pValue());
        assertThat(pairedVerdict.method()).contains("conditions share seeds", "2 values without a partner");
        assertThat(pairedVerdict.message()).contains("7 pairs");

        Verdict welch = Verifiers.defaultTest().verify(unpaired(), BETTER);
        assertThat(welch.test()).isEqualTo("Welch t");
        assertThat(welch.method()).contains("conditions do not share seeds");
    }

    @Test
    void equivalenceIsTostOfEquivalence() {
        Verifier.Question eq = q(Expectation.equivalentWithin(1.5), Direction.HIGHER_IS_BETTER);
        Verdict welch = Verifiers.welch().verify(unpaired(), eq);
        assertThat(welch.test()).isEqualTo("Welch TOST");
        assertThat(welch.pValue()).isEqualTo(Equivalence.tostWelch(TREAT, BASE, 1.5).pValue());
        assertThat(welch.alternative()).isEqualTo("equivalence");
        Verdict paired = Verifiers.defaultTest().verify(paired(), eq);
        assertThat(paired.test()).isEqualTo("paired TOST");
        assertThat(paired.pValue()).isEqualTo(Equivalence.tostPaired(TREAT, BASE, 1.5).pValue());
        Verdict student = Verifiers.student().verify(unpaired(), eq);
        double lower = TTests.student(TREAT, BASE, Alternative.GREATER, -1.5).pValue();
        double upper = TTests.student(TREAT, BASE, Alternative.LESS, 1.5).pValue();
        assertThat(student.pValue()).isEqualTo(Math.max(lower, upper));
        // relative margin: 5% of the baseline mean, two one-sided ratio tests against 0.95 and 1.05 × baseline
        Verifier.Question relative = q(Expectation.equivalentWithin(5).asRelative(), Direction.HIGHER_IS_BETTER);
        double lowerRatio = TTests.welch(TREAT, VerdictSemanticsTest.scaled(BASE, 0.95), Alternative.GREATER).pValue();
        double upperRatio = TTests.welch(TREAT, VerdictSemanticsTest.scaled(BASE, 1.05), Alternative.LESS).pValue();
        assertThat(Verifiers.welch().verify(unpaired(), relative).pValue())
                .isCloseTo(Math.max(lowerRatio, upperRatio), within(1e-12));
    }

    @Test
    void mannWhitneyCarriesHodgesLehmannAndRankBiserial() {
        Verdict v = Verifiers.mannWhitney().verify(unpaired(), BETTER);
        TestResult r = MannWhitney.test(TREAT, BASE, Alternative.GREATER);
        Interval ci = HodgesLehmann.confidenceInterval(TREAT, BASE, 0.95);
        assertThat(v.pValue()).isEqualTo(r.pValue());
        assertThat(v.statistic()).isEqualTo(r.statistic());
        assertThat(v.difference()).isEqualTo(HodgesLehmann.shift(TREAT, BASE));
        assertThat(v.ciLow()).isEqualTo(ci.lower());
        assertThat(v.ciHigh()).isEqualTo(ci.upper());
        assertThat(v.effectSizeName()).isEqualTo("rank_biserial");
        assertThat(v.effectSize()).isEqualTo(EffectSizes.rankBiserial(TREAT, BASE));
        assertThat(v.method()).contains("Mann-Whitney U", "asymptotic", "continuity correction", "ties:",
                "rank-biserial r =", "Hodges-Lehmann");
    }

    @ParameterizedTest
    @EnumSource(ZeroMethod.class)
    void wilcoxonZeroHandlingIsSelectable(ZeroMethod zeros) {
        double[] b = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] t = {1, 2.5, 3, 5, 5.5, 7.5, 7, 9.5, 10, 12};
        Verdict v = Verifiers.wilcoxon(zeros).verify(Samples.paired("m", "t", b, t), BETTER);
        TestResult r = WilcoxonSignedRank.paired(t, b, Alternative.GREATER, zeros, RankMethod.AUTO, false);
        assertThat(v.pValue()).isEqualTo(r.pValue());
        assertThat(v.statistic()).isEqualTo(r.statistic());
        assertThat(v.nPairs()).isEqualTo(10);
        assertThat(v.effectSize()).isEqualTo(EffectSizes.matchedPairsRankBiserial(t, b));
        assertThat(v.method()).contains("zeros: " + zeros.name().toLowerCase(java.util.Locale.ROOT), "3 zero differences");
    }

    @Test
    void kolmogorovSmirnovInvertsTheDirection() {
        Verdict better = Verifiers.kolmogorovSmirnov().verify(unpaired(), BETTER);
        assertThat(better.pValue()).isEqualTo(KolmogorovSmirnov.test(TREAT, BASE, Alternative.LESS).pValue());
        assertThat(better.status()).isEqualTo(Verdict.Status.SUPPORTED);
        assertThat(better.alternative()).isEqualTo("greater");
        assertThat(better.method()).contains("KS alternative 'less'", "treatment tends to be larger");
        Verdict worse = Verifiers.kolmogorovSmirnov().verify(unpaired(), q(Expectation.worse(), Direction.HIGHER_IS_BETTER));
        assertThat(worse.pValue()).isEqualTo(KolmogorovSmirnov.test(TREAT, BASE, Alternative.GREATER).pValue());
        assertThat(worse.status()).isEqualTo(Verdict.Status.NOT_SUPPORTED);
    }

    static final double[] B01 = {0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0};
    static final double[] T01 = {1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1};
    static final long[][] TABLE = {{16, 4}, {4, 16}};

    @Test
    void fisherChiSquareAndGOnTheSuccessesTable() {
        Samples s = Samples.of("ok", "t", B01, T01);
        Verdict fisher = Verifiers.fisherExact().verify(s, BETTER);
        assertThat(fisher.pValue()).isEqualTo(ContingencyTests.fisherExact(TABLE, Alternative.GREATER).pValue());
        assertThat(fisher.method()).contains("[[16, 4], [4, 16]]", "odds ratio", "exact");
        Verdict chi = Verifiers.chiSquare(true).verify(s, DIFFERENT);
        assertThat(chi.pValue()).isEqualTo(ContingencyTests.chiSquare(TABLE, true).pValue());
        assertThat(chi.method()).contains("Yates", "asymptotic");
        Verdict g = Verifiers.gTest().verify(s, DIFFERENT);
        assertThat(g.pValue()).isEqualTo(ContingencyTests.gTest(TABLE, false).pValue());
        // one-sided by the signed root: half the two-sided p in the observed direction
        Verdict oneSided = Verifiers.chiSquare().verify(s, BETTER);
        assertThat(oneSided.pValue()).isCloseTo(ContingencyTests.chiSquare(TABLE, false).pValue() / 2, within(1e-15));
        Verdict against = Verifiers.chiSquare().verify(s, q(Expectation.worse(), Direction.HIGHER_IS_BETTER));
        assertThat(against.pValue()).isCloseTo(1 - ContingencyTests.chiSquare(TABLE, false).pValue() / 2, within(1e-12));
    }

    @Test
    void binomialTestsTreatmentSuccessesAgainstTheBaselineRate() {
        Verdict v = Verifiers.binomial().verify(Samples.of("ok", "t", B01, T01), BETTER);
        assertThat(v.pValue()).isEqualTo(Binomial.test(16, 20, 0.2, Alternative.GREATER).pValue());
        assertThat(v.method()).contains("16 successes in the treatment's 20 runs", "0.2000 (4/20) taken as known");
    }

    @Test
    void successTestsRejectOtherValuesAndMargins() {
        Verdict notBinary = Verifiers.fisherExact().verify(Samples.of("ok", "t", B01, TREAT), BETTER);
        assertThat(notBinary.status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(notBinary.message()).contains("needs 0/1 values", "t has 10.9");
        Verdict margin = Verifiers.binomial().verify(Samples.of("ok", "t", B01, T01),
                q(Expectation.notWorseByMoreThan(0.1), Direction.HIGHER_IS_BETTER));
        assertThat(margin.status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(margin.message()).contains("better / worse / different only");
    }

    @Test
    void anovaSeesAllConditions() {
        Map<String, double[]> all = new LinkedHashMap<>();
        double[] third = {10.0, 10.2, 9.9, 10.1, 10.3, 9.8, 10.0, 10.2};
        all.put("baseline", BASE);
        all.put("t", TREAT);
        all.put("u", third);
        Verdict v = Verifiers.anova().verify(unpaired().withConditions(all), DIFFERENT);
        TestResult r = Anova.oneWay(java.util.List.of(BASE, TREAT, third));
        assertThat(v.pValue()).isEqualTo(r.pValue());
        assertThat(v.statistic()).isEqualTo(r.statistic());
        assertThat(v.method()).contains("F(2, 21)", "η²", "[baseline, t, u]");
        assertThat(Verifiers.anova().comparesAllConditions()).isTrue();
        Verdict wrong = Verifiers.anova().verify(unpaired(), BETTER);
        assertThat(wrong.status()).isEqualTo(Verdict.Status.ERROR);
    }

    @Test
    void permutationExactWhenSmallAndSeededMonteCarloOtherwise() {
        double[] b = {1.0, 2.0, 3.0, 4.0};
        double[] t = {3.5, 4.5, 5.0, 6.0};
        Verdict exact = Verifiers.permutation().verify(Samples.of("m", "t", b, t), BETTER);
        assertThat(exact.pValue()).isEqualTo(PermutationTest.exact(t, b, TwoSampleStatistic.meanDifference(),
                Alternative.GREATER).pValue());
        assertThat(exact.method()).contains("exact over all 70 splits");
        double[] b12 = java.util.Arrays.copyOf(BASE, 12);
        double[] t12 = java.util.Arrays.copyOf(TREAT, 12);
        java.util.Arrays.setAll(b12, i -> i < 8 ? BASE[i] : 10 + 0.1 * i);
        java.util.Arrays.setAll(t12, i -> i < 8 ? TREAT[i] : 10.5 + 0.1 * i);
        Verdict mc = Verifiers.permutation(TwoSampleStatistic.meanDifference(), "mean difference", 999, 7)
                .verify(Samples.of("m", "t", b12, t12), BETTER);
        assertThat(mc.pValue()).isEqualTo(PermutationTest.test(t12, b12, TwoSampleStatistic.meanDifference(),
                Alternative.GREATER, 999, 7).pValue());
        assertThat(mc.pValue()).isGreaterThan(0);
        assertThat(mc.method()).contains("Monte Carlo", "seed 7");
    }

    @Test
    void bootstrapDecidesByItsSeededInterval() {
        Verdict v = Verifiers.bootstrap(BootstrapMethod.PERCENTILE, TwoSampleStatistic.meanDifference(),
                "difference of means", 2000, 11).verify(unpaired(), BETTER);
        Interval ci95 = Bootstrap.confidenceInterval(TREAT, BASE, TwoSampleStatistic.meanDifference(),
                BootstrapMethod.PERCENTILE, 0.95, 2000, 11, 1);
        Interval decision = Bootstrap.confidenceInterval(TREAT, BASE, TwoSampleStatistic.meanDifference(),
                BootstrapMethod.PERCENTILE, 0.9, 2000, 11, 1);
        assertThat(v.ciLow()).isEqualTo(ci95.lower());
        assertThat(v.ciHigh()).isEqualTo(ci95.upper());
        assertThat(v.status()).isEqualTo(decision.lower() > 0 ? Verdict.Status.SUPPORTED : Verdict.Status.NOT_SUPPORTED);
        assertThat(v.status()).isEqualTo(Verdict.Status.SUPPORTED);
        assertThat(v.pValue()).isNaN();
        assertThat(v.method()).startsWith("90% CI [").contains("lower end above +0", "seed 11");
        assertThat(v.message()).contains("bootstrap percentile CI 90% CI [").endsWith("SUPPORTED");
    }

    @Test
    void theDefaultBootstrapIsStudentizedAndStatesItsSmallSampleBehaviour() {
        Verdict v = Verifiers.bootstrap().verify(unpaired(), BETTER);
        Interval[] intervals = Bootstrap.confidenceIntervals(TREAT, BASE, TwoSampleStatistic.meanDifference(),
                BootstrapMethod.STUDENTIZED, new double[] {0.9, 0.95}, Verifiers.DEFAULT_BOOTSTRAP_RESAMPLES,
                Verifiers.DEFAULT_SEED, 1);

        assertThat(v.test()).isEqualTo("bootstrap-t CI");
        assertThat(v.ciLow()).isEqualTo(intervals[1].lower());
        assertThat(v.status()).isEqualTo(intervals[0].lower() > 0 ? Verdict.Status.SUPPORTED
                : Verdict.Status.NOT_SUPPORTED);
        assertThat(v.method()).contains("bootstrap-t: quantiles of (resample statistic − statistic) / its standard"
                        + " error (the statistic's own)")
                .contains("small samples: bootstrap intervals are approximate and too narrow with few values")
                .contains("covered 92.5% at 10 per side and 94% at 30")
                .contains("treat this verdict as indicative");
    }
}
