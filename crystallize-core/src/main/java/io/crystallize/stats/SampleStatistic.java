package io.crystallize.stats;

/** A statistic of one sample, e.g. a mean or a quantile. Must be a pure function. */
@FunctionalInterface
public interface SampleStatistic {

    double apply(double[] x);
}
