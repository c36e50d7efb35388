package io.crystallize.stats;

import java.util.List;

/**
 * The outcome of one hypothesis test.
 *
 * @param test the test's name, e.g. "Welch t"
 * @param method how the p-value was computed
 * @param alternative the alternative hypothesis the p-value refers to
 * @param statistic the test statistic in SciPy's convention (documented per test)
 * @param pValue the p-value, always in [0, 1] (NaN only if the inputs were degenerate, e.g. all values equal in a t-test)
 * @param degreesOfFreedom degrees of freedom of the reference distribution, NaN when not applicable
 * @param sampleSizes the number of observations per side (per group for ANOVA, pairs twice for paired tests, cell total for tables)
 * @param confidenceInterval two-sided 95% CI of the difference the test is about (whatever the alternative), or null when the test defines none
 */
public record TestResult(
        String test,
        TestMethod method,
        Alternative alternative,
        double statistic,
        double pValue,
        double degreesOfFreedom,
        List<Integer> sampleSizes,
        Interval confidenceInterval) {

    public TestResult {
        sampleSizes = List.copyOf(sampleSizes);
    }

    /** Whether the test defines a confidence interval of the difference. */
    public boolean hasConfidenceInterval() {
        return confidenceInterval != null;
    }

    /** Size of the first side (first group). */
    public int n1() {
        return sampleSizes.isEmpty() ? 0 : sampleSizes.get(0);
    }

    /** Size of the second side, 0 if there is none. */
    public int n2() {
        return sampleSizes.size() < 2 ? 0 : sampleSizes.get(1);
    }
}
