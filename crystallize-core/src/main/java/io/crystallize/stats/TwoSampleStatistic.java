package io.crystallize.stats;

/** A statistic of two samples, e.g. a difference of means or medians. Must be a pure function. */
@FunctionalInterface
public interface TwoSampleStatistic {

    double apply(double[] x, double[] y);

    /** mean(x) - mean(y). */
    static TwoSampleStatistic meanDifference() {
        return (x, y) -> Samples.mean(x) - Samples.mean(y);
    }
}
