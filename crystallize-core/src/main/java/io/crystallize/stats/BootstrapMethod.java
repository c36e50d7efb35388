package io.crystallize.stats;

/** Bootstrap confidence interval constructions. */
public enum BootstrapMethod {
    /** Quantiles of the bootstrap distribution. */
    PERCENTILE,
    /** Bias-corrected and accelerated (Efron): percentile levels shifted by the bias z0 and the jackknife acceleration. */
    BCA,
    /**
     * Studentized (bootstrap-t): the estimate minus the standard error times quantiles of the
     * resamples' t = (resample estimate − estimate) / resample standard error; the standard error
     * is the statistic's own ({@link TwoSampleStatistic#standardError}) or, without one, the jackknife's.
     */
    STUDENTIZED
}
