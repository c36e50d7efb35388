package io.crystallize.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ResamplingTest {

    private static final double[] X = {1.2, 0.4, 2.9, 1.7, 0.8, 2.2, 1.5};
    private static final double[] Y = {0.3, 1.1, -0.2, 0.9, 0.5, 1.4};

    @Test
    void monteCarloPermutationConvergesToExact() {
        TestResult exact = PermutationTest.exact(X, Y, TwoSampleStatistic.meanDifference(), Alternative.GREATER);
        assertThat(exact.method().computation()).isEqualTo(Computation.EXACT);
        int b = 40_000;
        TestResult mc = PermutationTest.monteCarlo(X, Y, TwoSampleStatistic.meanDifference(), Alternative.GREATER,
                b, 11L);
        assertThat(mc.method().computation()).isEqualTo(Computation.MONTE_CARLO);
        double p = exact.pValue();
        double standardError = Math.sqrt(p * (1 - p) / b);
        assertThat(Math.abs(mc.pValue() - p)).isLessThanOrEqualTo(4 * standardError + 1.0 / b);
        TestResult twoSided = PermutationTest.monteCarlo(X, Y, TwoSampleStatistic.meanDifference(),
                Alternative.TWO_SIDED, b, 12L);
        double p2 = PermutationTest.exact(X, Y, TwoSampleStatistic.meanDifference(), Alternative.TWO_SIDED).pValue();
        assertThat(Math.abs(twoSided.pValue() - p2)).isLessThanOrEqualTo(8 * Math.sqrt(p2 * (1 - p2) / b) + 2.0 / b);
    }

    @Test
    void monteCarloPValueIsNeverZeroAndSeeded() {
        double[] far = {100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111};
        double[] near = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        TestResult r = PermutationTest.test(far, near, TwoSampleStatistic.meanDifference(), Alternative.GREATER,
                999, 5L, 1000);
        assertThat(r.method().computation()).isEqualTo(Computation.MONTE_CARLO);
        assertThat(r.pValue()).isEqualTo(1.0 / 1000);
        TestResult again = PermutationTest.test(far, near, (a, b) -> median(a) - median(b), Alternative.TWO_SIDED,
                500, 9L, 10);
        TestResult same = PermutationTest.test(far, near, (a, b) -> median(a) - median(b), Alternative.TWO_SIDED,
                500, 9L, 10);
        assertThat(again.pValue()).isEqualTo(same.pValue()).isPositive();
    }

    @Test
    void exactPermutationIsChosenWhenSmall() {
        TestResult r = PermutationTest.meanDifference(X, Y, Alternative.TWO_SIDED, 1L);
        assertThat(r.method().computation()).isEqualTo(Computation.EXACT);
        assertThat(r.method().description()).contains("1716");
    }

    @Test
    void bootstrapIsIdenticalForAnyThreadCount() {
        SplittableRandom random = new SplittableRandom(8);
        double[] x = random.doubles(80).map(v -> v * v * 10).toArray();
        double[] y = random.doubles(60).map(v -> v * 8).toArray();
        for (BootstrapMethod method : BootstrapMethod.values()) {
            Interval one = Bootstrap.confidenceInterval(x, y, TwoSampleStatistic.meanDifference(), method, 0.95,
                    2000, 99L, 1);
            Interval four = Bootstrap.confidenceInterval(x, y, TwoSampleStatistic.meanDifference(), method, 0.95,
                    2000, 99L, 4);
            assertThat(four).isEqualTo(one);
            Interval oneSample1 = Bootstrap.confidenceInterval(x, ResamplingTest::median, method, 0.9, 1000, 3L, 1);
            Interval oneSample3 = Bootstrap.confidenceInterval(x, ResamplingTest::median, method, 0.9, 1000, 3L, 3);
            assertThat(oneSample3).isEqualTo(oneSample1);
            Interval otherSeed = Bootstrap.confidenceInterval(x, y, TwoSampleStatistic.meanDifference(), method,
                    0.95, 2000, 100L, 4);
            assertThat(otherSeed).isNotEqualTo(one);
        }
    }

    @Test
    void bootstrapIntervalsAgreeWithTheTIntervalForAMeanDifference() {
        SplittableRandom random = new SplittableRandom(21);
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            x[i] = random.nextGaussian() + 0.5;
            y[i] = random.nextGaussian();
        }
        Interval t = TTests.welch(x, y, Alternative.TWO_SIDED).confidenceInterval();
        for (BootstrapMethod method : BootstrapMethod.values()) {
            Interval b = Bootstrap.confidenceInterval(x, y, TwoSampleStatistic.meanDifference(), method, 0.95,
                    4000, 1L, 2);
            assertThat(b.lower()).isCloseTo(t.lower(), org.assertj.core.api.Assertions.within(0.05));
            assertThat(b.upper()).isCloseTo(t.upper(), org.assertj.core.api.Assertions.within(0.05));
            assertThat(b.contains(Samples.mean(x) - Samples.mean(y))).isTrue();
        }
    }

    @Test
    void studentizedIntervalWithTheJackknifeEqualsTheOneWithTheWelchStandardError() {
        // the jackknife standard error of a difference of means is exactly Welch's √(s²x/nx + s²y/ny), so a
        // statistic without a formula of its own must give the same interval as meanDifference() with one
        SplittableRandom random = new SplittableRandom(5);
        double[] x = random.doubles(12).map(v -> -Math.log(1 - v)).toArray();
        double[] y = random.doubles(9).map(v -> -2 * Math.log(1 - v)).toArray();
        TwoSampleStatistic withoutFormula = (a, b) -> Samples.mean(a) - Samples.mean(b);
        assertThat(withoutFormula.standardError(x, y)).isNaN();

        Interval own = Bootstrap.confidenceInterval(x, y, TwoSampleStatistic.meanDifference(),
                BootstrapMethod.STUDENTIZED, 0.95, 3000, 4L, 1);
        Interval jackknife = Bootstrap.confidenceInterval(x, y, withoutFormula, BootstrapMethod.STUDENTIZED, 0.95, 3000,
                4L, 2);

        assertThat(jackknife.lower()).isCloseTo(own.lower(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(jackknife.upper()).isCloseTo(own.upper(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void studentizedIntervalIsTheEstimateMinusTheStandardErrorTimesTheResampleTQuantiles() {
        // resamples that miss the one large value have small means and small standard errors: their t's form
        // a long lower tail, and estimate − SE·(that quantile) stretches the interval upwards, toward the skew,
        // beyond the percentile interval (which only mirrors the resample means)
        double[] skewed = {0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.5, 0.8, 6.0};
        double[] flat = {1.0, 1.1, 0.9, 1.0, 1.05, 0.95, 1.0, 1.02, 0.98, 1.0};
        Interval t = Bootstrap.confidenceInterval(skewed, flat, TwoSampleStatistic.meanDifference(),
                BootstrapMethod.STUDENTIZED, 0.95, 4000, 8L, 1);
        double estimate = Samples.mean(skewed) - Samples.mean(flat);

        Interval percentile = Bootstrap.confidenceInterval(skewed, flat, TwoSampleStatistic.meanDifference(),
                BootstrapMethod.PERCENTILE, 0.95, 4000, 8L, 1);

        assertThat(t.contains(estimate)).isTrue();
        assertThat(t.upper() - estimate).isGreaterThan(3 * (estimate - t.lower()));
        assertThat(t.upper()).isGreaterThan(percentile.upper());
        Interval twice = Bootstrap.confidenceIntervals(skewed, flat, TwoSampleStatistic.meanDifference(),
                BootstrapMethod.STUDENTIZED, new double[] {0.9, 0.95}, 4000, 8L, 1)[1];
        assertThat(twice).isEqualTo(t);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
