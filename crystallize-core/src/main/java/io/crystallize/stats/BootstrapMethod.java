package io.crystallize.stats;

/** Bootstrap confidence interval constructions. */
public enum BootstrapMethod {
    /** Quantiles of the bootstrap distribution. */
    PERCENTILE,
    /** Bias-corrected and accelerated (Efron): percentile levels shifted by the bias z0 and the jackknife acceleration. */
    BCA
}
