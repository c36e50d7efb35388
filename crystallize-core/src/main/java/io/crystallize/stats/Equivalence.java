package io.crystallize.stats;

/**
 * TOST equivalence tests. The lower test is Welch (or paired) "greater" of the difference against
 * -margin, the upper test "less" against +margin; the TOST p-value is the larger one. This equals
 * SciPy's tests on (x + margin) vs y and (x - margin) vs y.
 */
public final class Equivalence {

    private Equivalence() {
    }

    /** Welch TOST with a symmetric margin. */
    public static EquivalenceResult tostWelch(double[] x, double[] y, double margin) {
        return tostWelch(x, y, margin, margin);
    }

    /** Welch TOST with equivalence region [-lowerMargin, +upperMargin] for mean(x) - mean(y). */
    public static EquivalenceResult tostWelch(double[] x, double[] y, double lowerMargin, double upperMargin) {
        checkMargins(lowerMargin, upperMargin);
        TestResult lower = TTests.welch(x, y, Alternative.GREATER, -lowerMargin);
        TestResult upper = TTests.welch(x, y, Alternative.LESS, upperMargin);
        return new EquivalenceResult("TOST (Welch)", lowerMargin, upperMargin, lower, upper,
                Math.max(lower.pValue(), upper.pValue()));
    }

    /** Paired TOST with a symmetric margin on mean(x - y). */
    public static EquivalenceResult tostPaired(double[] x, double[] y, double margin) {
        return tostPaired(x, y, margin, margin);
    }

    /** Paired TOST with equivalence region [-lowerMargin, +upperMargin] for mean(x - y). */
    public static EquivalenceResult tostPaired(double[] x, double[] y, double lowerMargin, double upperMargin) {
        checkMargins(lowerMargin, upperMargin);
        TestResult lower = TTests.paired(x, y, Alternative.GREATER, -lowerMargin);
        TestResult upper = TTests.paired(x, y, Alternative.LESS, upperMargin);
        return new EquivalenceResult("TOST (paired t)", lowerMargin, upperMargin, lower, upper,
                Math.max(lower.pValue(), upper.pValue()));
    }

    private static void checkMargins(double lowerMargin, double upperMargin) {
        if (!(lowerMargin >= 0) || !(upperMargin >= 0) || lowerMargin + upperMargin <= 0) {
            throw new IllegalArgumentException(
                    "equivalence margins must be non-negative and not both zero: " + lowerMargin + ", " + upperMargin);
        }
    }
}
