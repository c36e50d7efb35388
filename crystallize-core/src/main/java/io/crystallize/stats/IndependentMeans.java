package io.crystallize.stats;

import java.util.List;

import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Two independent samples x and y summarised once for comparing their means: each side's mean
 * and unbiased variance, the Welch-Satterthwaite degrees of freedom, and the two-sided 95% CI of
 * mean(x) - mean(y). A verdict needs the Welch test, the mean difference and Hedges' g; from this
 * summary they share one pass over the values and one t quantile. Each result equals, bit for bit,
 * {@link TTests#welch(double[], double[], Alternative, double)},
 * {@link EffectSizes#meanDifference(double[], double[])} and
 * {@link EffectSizes#hedgesG(double[], double[])} on the same samples.
 */
public final class IndependentMeans {

    private static final TestMethod WELCH = TestMethod.parametric(Computation.EXACT,
            "Welch two-sample t-test (unequal variances, Welch-Satterthwaite df)");

    private final int nx;
    private final int ny;
    private final double meanX;
    private final double meanY;
    private final double varianceX;
    private final double varianceY;
    private final double degreesOfFreedom;
    private final double quantile;
    private final Interval confidenceInterval;

    private IndependentMeans(double[] x, double[] y) {
        nx = x.length;
        ny = y.length;
        meanX = Samples.mean(x);
        meanY = Samples.mean(y);
        varianceX = Samples.variance(x);
        varianceY = Samples.variance(y);
        double varianceOfMeanX = varianceX / nx;
        double varianceOfMeanY = varianceY / ny;
        // Welch-Satterthwaite, in the operation order of the t-test kernel so that the CI's df is its df
        double sum = varianceOfMeanX + varianceOfMeanY;
        degreesOfFreedom = sum * sum / (varianceX * varianceX / ((double) nx * nx * (nx - 1))
                + varianceY * varianceY / ((double) ny * ny * (ny - 1)));
        quantile = TTests.ciQuantile(degreesOfFreedom);
        confidenceInterval = TTests.interval(meanX - meanY, Math.sqrt(sum), quantile);
    }

    /**
     * Summarises x and y.
     *
     * @throws IllegalArgumentException when a side has fewer than 2 values or a non-finite one
     */
    public static IndependentMeans of(double[] x, double[] y) {
        TTests.checkTwoSamples(x, y);
        return new IndependentMeans(x, y);
    }

    /** Welch's t-test of mean(x) - mean(y) = nullDifference, with the 95% CI of mean(x) - mean(y). */
    public TestResult welch(Alternative alternative, double nullDifference) {
        TTest.Result r = TTests.kernel(alternative, nullDifference).with(DataDispersion.HETEROSCEDASTIC)
                .test(meanX, varianceX, nx, meanY, varianceY, ny);
        return new TestResult("Welch t", WELCH, alternative, r.getStatistic(), r.getPValue(), degreesOfFreedom,
                List.of(nx, ny), confidenceInterval);
    }

    /** The difference of means with its Welch CI and the delta-method CI of the relative %. */
    public MeanDifference meanDifference() {
        return EffectSizes.meanDifference(meanX, meanY, confidenceInterval, varianceX / nx, varianceY / ny, 0,
                quantile, false);
    }

    /** Hedges' g of x minus y. */
    public double hedgesG() {
        return EffectSizes.hedgesG(meanX, varianceX, nx, meanY, varianceY, ny);
    }
}
