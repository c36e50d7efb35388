package io.crystallize.stats;

import java.util.List;

import org.apache.commons.statistics.inference.TTest;

/**
 * Replicate-matched pairs (x[i], y[i]) summarised once for comparing their means: the mean and
 * unbiased variance of the differences x - y, and the two-sided 95% CI of their mean. A verdict
 * needs the paired t-test, the mean difference and d_z; from this summary they share one pass over
 * the differences and one t quantile. Each result equals, bit for bit,
 * {@link TTests#paired(double[], double[], Alternative, double)},
 * {@link EffectSizes#pairedMeanDifference(double[], double[])} and
 * {@link EffectSizes#dz(double[], double[])} on the same pairs.
 */
public final class PairedMeans {

    private static final TestMethod PAIRED = TestMethod.parametric(Computation.EXACT,
            "paired t-test on the differences x - y");

    private final double[] x;
    private final double[] y;
    private final double meanDifference;
    private final double varianceOfDifferences;
    private final double degreesOfFreedom;
    private final double quantile;
    private final Interval confidenceInterval;

    private PairedMeans(double[] x, double[] y, double[] differences) {
        this.x = x;
        this.y = y;
        int n = differences.length;
        meanDifference = Samples.mean(differences);
        varianceOfDifferences = Samples.variance(differences);
        degreesOfFreedom = n - 1.0;
        quantile = TTests.ciQuantile(degreesOfFreedom);
        confidenceInterval = TTests.interval(meanDifference, Math.sqrt(varianceOfDifferences / n), quantile);
    }

    /**
     * Summarises the pairs.
     *
     * @throws IllegalArgumentException when x and y differ in length, or there are fewer than 2
     *     pairs, or a difference is not finite
     */
    public static PairedMeans of(double[] x, double[] y) {
        double[] d = Samples.differences(x, y);
        TTests.checkOneSample(d);
        return new PairedMeans(x, y, d);
    }

    /** The paired t-test of mean(x - y) = nullDifference, with the 95% CI of mean(x - y). */
    public TestResult pairedT(Alternative alternative, double nullDifference) {
        TTest.Result r = TTests.kernel(alternative, nullDifference).test(meanDifference, varianceOfDifferences, x.length);
        return new TestResult("paired t", PAIRED, alternative, r.getStatistic(), r.getPValue(), degreesOfFreedom,
                List.of(x.length, y.length), confidenceInterval);
    }

    /** The difference of means with the paired CI and the delta-method CI of the relative %, covariance included. */
    public MeanDifference meanDifference() {
        int n = x.length;
        return EffectSizes.meanDifference(Samples.mean(x), Samples.mean(y), confidenceInterval,
                Samples.variance(x) / n, Samples.variance(y) / n, Samples.covariance(x, y) / n, quantile, true);
    }

    /** d_z: the mean of x - y divided by the standard deviation of x - y. */
    public double dz() {
        return meanDifference / Math.sqrt(varianceOfDifferences);
    }
}
