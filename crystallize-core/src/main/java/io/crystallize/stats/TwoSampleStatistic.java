package io.crystallize.stats;

/** A statistic of two samples, e.g. a difference of means or medians. Must be a pure function. */
@FunctionalInterface
public interface TwoSampleStatistic {

    double apply(double[] x, double[] y);

    /**
     * The statistic's standard error estimated from the samples, for studentized bootstrap
     * intervals; NaN (the default) when the statistic has no formula of its own, and the bootstrap
     * then estimates it by the jackknife.
     */
    default double standardError(double[] x, double[] y) {
        return Double.NaN;
    }

    /** mean(x) - mean(y), with the unpooled (Welch) standard error. */
    static TwoSampleStatistic meanDifference() {
        return DifferenceOfMeans.INSTANCE;
    }
}
