package io.crystallize.stats;

/**
 * Two one-sided tests (TOST) for equivalence of x and y within
 * {@code [-lowerMargin, +upperMargin]} on the difference mean(x) - mean(y).
 *
 * @param test name of the test, e.g. "TOST (Welch)"
 * @param lowerMargin the margin below zero (positive number)
 * @param upperMargin the margin above zero (positive number)
 * @param lower the "greater" test of difference = -lowerMargin
 * @param upper the "less" test of difference = +upperMargin
 * @param pValue the larger of the two one-sided p-values: equivalence is shown when it is below alpha
 */
public record EquivalenceResult(
        String test,
        double lowerMargin,
        double upperMargin,
        TestResult lower,
        TestResult upper,
        double pValue) {
}
