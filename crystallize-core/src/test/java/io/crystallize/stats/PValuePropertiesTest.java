package io.crystallize.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

/** Properties every test must keep on many random inputs. */
class PValuePropertiesTest {

    private static final double ALPHA = 0.05;

    /** A test of x vs y under an alternative. */
    private interface TwoSampleTest {
        TestResult run(double[] x, double[] y, Alternative alternative);
    }

    private static final List<TwoSampleTest> TESTS = List.of(
            TTests::welch,
            TTests::student,
            (x, y, a) -> MannWhitney.test(x, y, a),
            (x, y, a) -> MannWhitney.test(x, y, a, RankMethod.EXACT, true),
            (x, y, a) -> MannWhitney.test(x, y, a, RankMethod.ASYMPTOTIC, true),
            (x, y, a) -> PermutationTest.test(x, y, TwoSampleStatistic.meanDifference(), a, 999, 7L));

    private static double[] sample(SplittableRandom random, int n, double shift, boolean rounded) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double g = random.nextGaussian() + shift;
            v[i] = rounded ? Math.rint(g * 2) / 2 : g;
        }
        return v;
    }

    @Test
    void pValuesLieInUnitIntervalAndSwappingSamplesSwapsOneSidedAlternatives() {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 150; trial++) {
            int n1 = 2 + random.nextInt(trial % 2 == 0 ? 7 : 12);
            int n2 = 2 + random.nextInt(trial % 2 == 0 ? 7 : 12);
            boolean rounded = trial % 3 == 0;
            double shift = random.nextDouble(-1.5, 1.5);
            double[] x = sample(random, n1, shift, rounded);
            double[] y = sample(random, n2, 0, rounded);
            for (TwoSampleTest test : TESTS) {
                for (Alternative a : Alternative.values()) {
                    TestResult r = test.run(x, y, a);
                    assertThat(r.pValue()).as(r.test() + " " + a).isBetween(0.0, 1.0);
                    if (r.method().computation() == Computation.MONTE_CARLO) {
                        continue; // other random splits: only the exact distribution is symmetric
                    }
                    TestResult swapped = test.run(y, x, a.swapped());
                    assertThat(swapped.pValue()).as(r.test() + " swapped " + a)
                            .isCloseTo(r.pValue(), within(1e-12));
                }
            }
            // KS: the direction is about the CDFs, and swapping samples swaps D+ and D-
            for (Alternative a : Alternative.values()) {
                TestResult r = KolmogorovSmirnov.test(x, y, a);
                assertThat(r.pValue()).isBetween(0.0, 1.0);
                assertThat(KolmogorovSmirnov.test(y, x, a.swapped()).pValue()).isCloseTo(r.pValue(), within(1e-12));
            }
            double[] d = sample(random, n1 + 3, shift, rounded);
            for (ZeroMethod zm : ZeroMethod.values()) {
                if (zm == ZeroMethod.WILCOX && allZero(d)) {
                    continue;
                }
                for (Alternative a : Alternative.values()) {
                    double p = WilcoxonSignedRank.test(d, a, zm, RankMethod.AUTO, false).pValue();
                    assertThat(p).isBetween(0.0, 1.0);
                    double[] negated = new double[d.length];
                    for (int i = 0; i < d.length; i++) {
                        negated[i] = -d[i];
                    }
                    assertThat(WilcoxonSignedRank.test(negated, a.swapped(), zm, RankMethod.AUTO, false).pValue())
                            .as("signed rank " + zm + " " + a).isCloseTo(p, within(1e-12));
                }
            }
            long[][] table = {{random.nextInt(15), random.nextInt(15) + 1}, {random.nextInt(15) + 1, random.nextInt(15)}};
            long[][] rowsSwapped = {table[1], table[0]};
            for (Alternative a : Alternative.values()) {
                double p = ContingencyTests.fisherExact(table, a).pValue();
                assertThat(p).isBetween(0.0, 1.0);
                assertThat(ContingencyTests.fisherExact(rowsSwapped, a.swapped()).pValue()).isCloseTo(p, within(1e-12));
            }
            int n = 1 + random.nextInt(60);
            int k = random.nextInt(n + 1);
            for (Alternative a : Alternative.values()) {
                assertThat(Binomial.test(k, n, random.nextDouble(0.05, 0.95), a).pValue()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void identicalSamplesNeverShowSuperiority() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            double[] x = sample(random, 3 + random.nextInt(20), 0, trial % 2 == 0);
            double[] same = x.clone();
            for (TwoSampleTest test : TESTS) {
                for (Alternative a : List.of(Alternative.GREATER, Alternative.LESS)) {
                    assertThat(test.run(x, same, a).pValue()).as(test.run(x, same, a).method().description())
                            .isGreaterThanOrEqualTo(ALPHA);
                }
            }
            assertThat(TTests.paired(x, addNoise(x, random), Alternative.GREATER).pValue()).isBetween(0.0, 1.0);
            for (Alternative a : Alternative.values()) {
                assertThat(KolmogorovSmirnov.test(x, same, a).pValue()).isEqualTo(1.0);
            }
        }
    }

    private static double[] addNoise(double[] x, SplittableRandom random) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += random.nextGaussian() * 1e-3;
        }
        return y;
    }

    private static boolean allZero(double[] d) {
        for (double v : d) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void signedZerosAreTies() {
        double[] x = {-0.0, 0.0, 1.0, 2.0};
        double[] y = {0.0, -0.0, 3.0, 4.0};
        double[] xPlain = {0.0, 0.0, 1.0, 2.0};
        double[] yPlain = {0.0, 0.0, 3.0, 4.0};
        BiFunction<double[], double[], TestResult> mw = (a, b) -> MannWhitney.test(a, b, Alternative.TWO_SIDED);
        assertThat(mw.apply(x, y).pValue()).isEqualTo(mw.apply(xPlain, yPlain).pValue());
        assertThat(mw.apply(x, y).method().computation()).isEqualTo(Computation.ASYMPTOTIC);
        assertThat(KolmogorovSmirnov.test(x, y, Alternative.TWO_SIDED).statistic())
                .isEqualTo(KolmogorovSmirnov.test(xPlain, yPlain, Alternative.TWO_SIDED).statistic());
    }

    @Test
    void wilcoxonWithTiesAndZerosOnFewPairsUsesSciPysExactSignFlips() {
        // SciPy 1.17: wilcoxon(d, zero_method=..., alternative=...) with its default method="auto"
        double[] d = {1.0, -2.0, 2.0, 3.0, 0.0, -1.0, 4.0, 2.0, 5.0, -3.0};
        Object[][] expected = {
                {ZeroMethod.WILCOX, Alternative.TWO_SIDED, 12.0, 0.2578125},
                {ZeroMethod.WILCOX, Alternative.GREATER, 33.0, 0.12890625},
                {ZeroMethod.WILCOX, Alternative.LESS, 33.0, 0.904296875},
                {ZeroMethod.PRATT, Alternative.TWO_SIDED, 15.0, 0.2734375},
                {ZeroMethod.PRATT, Alternative.GREATER, 39.0, 0.13671875},
                {ZeroMethod.ZSPLIT, Alternative.TWO_SIDED, 15.5, 0.2734375},
                {ZeroMethod.ZSPLIT, Alternative.LESS, 39.5, 0.904296875}};
        for (Object[] e : expected) {
            TestResult r = WilcoxonSignedRank.test(d, (Alternative) e[1], (ZeroMethod) e[0], RankMethod.AUTO, false);
            assertThat(r.statistic()).as(e[0] + " " + e[1]).isEqualTo((double) e[2]);
            assertThat(r.pValue()).as(e[0] + " " + e[1]).isCloseTo((double) e[3], within(1e-12));
            assertThat(r.method().computation()).isEqualTo(Computation.EXACT);
        }
    }

    @Test
    void kolmogorovSmirnovOneSidedAsymptoticMatchesSciPy() {
        double[] x = {0.1, 0.5, 1.2, 1.9, 2.2, 2.8, 3.1, 3.3, 4.0, 4.4, 5.1, 5.9};
        double[] y = {1.0, 1.5, 2.5, 3.0, 3.6, 4.2, 4.8, 5.5, 6.1, 6.6, 7.0, 7.7, 8.1, 8.8, 9.3};
        TestResult greater = KolmogorovSmirnov.test(x, y, Alternative.GREATER, RankMethod.ASYMPTOTIC);
        assertThat(greater.pValue()).isCloseTo(0.034976235992084805, within(1e-12));
        TestResult exact = KolmogorovSmirnov.test(x, y, Alternative.TWO_SIDED, RankMethod.EXACT);
        assertThat(exact.pValue()).isCloseTo(0.07834531571239069, within(1e-12));
        assertThat(exact.statistic()).isCloseTo(0.4666666666666667, within(1e-15));
    }

    @Test
    void exactMannWhitneyWithTiesKeepsSciPysNoTiesDistribution() {
        // SciPy 1.17: mannwhitneyu([1, 2, 2, 3], [2, 4, 5], method="exact", alternative=...)
        double[] x = {1, 2, 2, 3};
        double[] y = {2, 4, 5};
        assertThat(MannWhitney.test(x, y, Alternative.TWO_SIDED, RankMethod.EXACT, true).pValue())
                .isCloseTo(0.22857142857142856, within(1e-12));
        assertThat(MannWhitney.test(x, y, Alternative.GREATER, RankMethod.EXACT, true).pValue())
                .isCloseTo(0.9428571428571428, within(1e-12));
        TestResult less = MannWhitney.test(x, y, Alternative.LESS, RankMethod.EXACT, true);
        assertThat(less.pValue()).isCloseTo(0.11428571428571428, within(1e-12));
        assertThat(less.statistic()).isEqualTo(2.0);
        assertThat(less.method().computation()).isEqualTo(Computation.EXACT);
    }

    @Test
    void testsNameTheirMethod() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y = {2, 3, 3, 5, 6, 8, 9, 11, 12, 14};
        TestResult mw = MannWhitney.test(x, y, Alternative.TWO_SIDED);
        assertThat(mw.method().computation()).isEqualTo(Computation.ASYMPTOTIC);
        assertThat(mw.method().continuityCorrection()).isTrue();
        assertThat(mw.method().description()).contains("tie-corrected", "continuity correction");
        assertThat(mw.sampleSizes()).containsExactly(10, 10);
        TestResult w = TTests.welch(x, y, Alternative.GREATER);
        assertThat(w.hasConfidenceInterval()).isTrue();
        assertThat(w.method().description()).contains("Welch");
        TestResult sr = WilcoxonSignedRank.test(new double[] {1, -2, 0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14},
                Alternative.TWO_SIDED, ZeroMethod.PRATT, RankMethod.AUTO, false);
        assertThat(sr.method().zeroHandling()).contains("pratt", "1 zero");
        assertThat(sr.method().computation()).isEqualTo(Computation.ASYMPTOTIC);
    }
}
