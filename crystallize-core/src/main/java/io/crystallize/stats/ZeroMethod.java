package io.crystallize.stats;

/** Treatment of zero differences in the Wilcoxon signed-rank test (SciPy's {@code zero_method}). */
public enum ZeroMethod {
    /** Drop zeros before ranking (Wilcoxon's original method, SciPy's default). */
    WILCOX,
    /** Rank zeros with the rest, then drop their ranks; mean and variance adjusted (Cureton). */
    PRATT,
    /** Keep zeros and split their rank sum half to each sign; zeros count in n and in the tie term. */
    ZSPLIT
}
