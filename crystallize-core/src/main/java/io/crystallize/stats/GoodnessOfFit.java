package io.crystallize.stats;

import java.util.List;

import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.GTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Goodness-of-fit tests of observed counts against expected frequencies (uniform unless given),
 * as SciPy's {@code chisquare} and {@code power_divergence(lambda_="log-likelihood")}; df = k - 1.
 */
public final class GoodnessOfFit {

    private GoodnessOfFit() {
    }

    /** Pearson chi-square against the uniform distribution over the categories. */
    public static TestResult chiSquare(long[] observed) {
        return result("chi-square goodness of fit", ChiSquareTest.withDefaults().test(observed), observed);
    }

    /** Pearson chi-square against expected frequencies (rescaled to the observed total). */
    public static TestResult chiSquare(long[] observed, double[] expected) {
        return result("chi-square goodness of fit", ChiSquareTest.withDefaults().test(expected, observed), observed);
    }

    /** G-test (log-likelihood ratio) against the uniform distribution. */
    public static TestResult gTest(long[] observed) {
        return result("G-test goodness of fit", GTest.withDefaults().test(observed), observed);
    }

    /** G-test against expected frequencies (rescaled to the observed total). */
    public static TestResult gTest(long[] observed, double[] expected) {
        return result("G-test goodness of fit", GTest.withDefaults().test(expected, observed), observed);
    }

    private static TestResult result(String name, SignificanceResult r, long[] observed) {
        long total = 0;
        for (long o : observed) {
            total += o;
        }
        int df = observed.length - 1;
        return new TestResult(name, TestMethod.parametric(Computation.ASYMPTOTIC,
                name + ", asymptotic chi-square with " + df + " df"),
                Alternative.TWO_SIDED, r.getStatistic(), r.getPValue(), df, List.of((int) total), null);
    }
}
