package io.crystallize.stats;

import java.util.List;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Welch, Student (pooled variance) and paired t-tests, matching SciPy's {@code ttest_ind} and
 * {@code ttest_rel}: the statistic is t of mean(x) - mean(y) - nullDifference, the alternative is
 * about x relative to y, and every result carries the two-sided 95% CI of mean(x) - mean(y)
 * (of the mean difference for the paired test) whatever the alternative.
 */
public final class TTests {

    private static final double CI_LEVEL = 0.95;

    private TTests() {
    }

    /** Welch's unequal-variance t-test of mean(x) - mean(y) = 0; needs at least 2 values per side. */
    public static TestResult welch(double[] x, double[] y, Alternative alternative) {
        return welch(x, y, alternative, 0.0);
    }

    /** Welch's t-test of mean(x) - mean(y) = nullDifference (margins: "better by at least", "not worse by more than"). */
    public static TestResult welch(double[] x, double[] y, Alternative alternative, double nullDifference) {
        return IndependentMeans.of(x, y).welch(alternative, nullDifference);
    }

    /** Student's equal-variance (pooled) two-sample t-test of mean(x) - mean(y) = 0. */
    public static TestResult student(double[] x, double[] y, Alternative alternative) {
        return student(x, y, alternative, 0.0);
    }

    /** Student's pooled t-test of mean(x) - mean(y) = nullDifference. */
    public static TestResult student(double[] x, double[] y, Alternative alternative, double nullDifference) {
        checkTwoSamples(x, y);
        TTest.Result r = kernel(alternative, nullDifference)
                .with(DataDispersion.HOMOSCEDASTIC).test(x, y);
        int n1 = x.length;
        int n2 = y.length;
        double df = n1 + n2 - 2.0;
        double pooled = ((n1 - 1) * Samples.variance(x) + (n2 - 1) * Samples.variance(y)) / df;
        double se = Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
        return new TestResult("Student t", TestMethod.parametric(Computation.EXACT,
                "Student two-sample t-test (pooled variance)"),
                alternative, r.getStatistic(), r.getPValue(), df, List.of(n1, n2),
                interval(Samples.mean(x) - Samples.mean(y), se, ciQuantile(df)));
    }

    /** Paired t-test on x[i] - y[i] (mean difference = 0). */
    public static TestResult paired(double[] x, double[] y, Alternative alternative) {
        return paired(x, y, alternative, 0.0);
    }

    /** Paired t-test of mean(x - y) = nullDifference. */
    public static TestResult paired(double[] x, double[] y, Alternative alternative, double nullDifference) {
        return PairedMeans.of(x, y).pairedT(alternative, nullDifference);
    }

    /** One-sample t-test of mean(d) = mu, with the two-sided 95% CI of the mean. */
    public static TestResult oneSample(double[] d, Alternative alternative, double mu) {
        checkOneSample(d);
        TTest.Result r = kernel(alternative, mu).test(d);
        double df = d.length - 1.0;
        double se = Math.sqrt(Samples.variance(d) / d.length);
        return new TestResult("one-sample t", TestMethod.parametric(Computation.EXACT,
                "one-sample t-test"),
                alternative, r.getStatistic(), r.getPValue(), df, List.of(d.length),
                interval(Samples.mean(d), se, ciQuantile(df)));
    }

    static TTest kernel(Alternative alternative, double mu) {
        return TTest.withDefaults().with(toCommons(alternative)).withMu(mu);
    }

    static AlternativeHypothesis toCommons(Alternative alternative) {
        return switch (alternative) {
            case TWO_SIDED -> AlternativeHypothesis.TWO_SIDED;
            case GREATER -> AlternativeHypothesis.GREATER_THAN;
            case LESS -> AlternativeHypothesis.LESS_THAN;
        };
    }

    /** The t quantile of a two-sided 95% CI at df degrees of freedom. */
    static double ciQuantile(double df) {
        return Quantiles.tUpper(df, (1 - CI_LEVEL) / 2);
    }

    static Interval interval(double estimate, double se, double quantile) {
        return new Interval(estimate - quantile * se, estimate + quantile * se, CI_LEVEL);
    }

    static void checkTwoSamples(double[] x, double[] y) {
        Samples.requireAtLeast(x, 2, "x");
        Samples.requireAtLeast(y, 2, "y");
        Samples.requireFinite(x, "x");
        Samples.requireFinite(y, "y");
    }

    static void checkOneSample(double[] d) {
        Samples.requireAtLeast(d, 2, "sample");
        Samples.requireFinite(d, "sample");
    }
}
