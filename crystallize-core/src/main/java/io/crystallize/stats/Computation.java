package io.crystallize.stats;

/** How a p-value was obtained. */
public enum Computation {
    /** From the exact null distribution of the statistic (including the exact t, F, chi-square reference distributions under the test's model). */
    EXACT,
    /** From a large-sample approximation (normal, chi-square, Kolmogorov limit). */
    ASYMPTOTIC,
    /** From seeded random resampling; reproducible for a given seed. */
    MONTE_CARLO
}
