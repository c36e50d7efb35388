package io.crystallize.hypothesis;

/**
 * How an expectation's margin enters one test of treatment vs baseline.
 *
 * <p>A margin in metric units is a null difference: the test is of treatment − baseline −
 * {@code shift}. A relative margin (m% of the baseline mean) is tested as a ratio: of treatment
 * vs {@code ratio} × baseline, the baseline's values scaled, so that the baseline's own
 * uncertainty is in the statistic — paired, the t-test on the differences T − ratio·B;
 * independent, Welch on T vs ratio·B, whose variance is the baseline's times ratio². Taking m% of
 * the observed baseline mean as a known shift instead ignores that uncertainty, and the test
 * rejects too often at the margin's boundary.
 *
 * <p>The ratio is 1 ± m/100, the sign chosen so that the margin is m% of |baseline mean| in the
 * metric's better or worse direction: for a negative baseline mean "better by at least 5%" with
 * higher better is treatment > 0.95 × baseline.
 *
 * @param sides the sides as the test sees them: the baseline scaled by the ratio when relative
 * @param shift the null difference (0 for a ratio)
 * @param ratio the baseline's factor, NaN for a margin in metric units
 */
record Margin(Sides sides, double shift, double ratio) {

    boolean isRatio() {
        return !Double.isNaN(ratio);
    }

    /** Whether the expectation's margin is tested as a ratio: a relative margin of a margin kind. */
    static boolean ratioTested(Expectation e) {
        return e.relative() && (e.kind() == Expectation.Kind.BETTER_BY_AT_LEAST
                || e.kind() == Expectation.Kind.NOT_WORSE_BY_MORE_THAN || e.kind() == Expectation.Kind.EQUIVALENT_WITHIN);
    }

    /** The one test of a question that is not an equivalence. */
    static Margin of(Verifier.Question q, Sides sides) {
        Expectation e = q.expectation();
        if (!ratioTested(e)) {
            return new Margin(sides, e.nullDifference(q.direction(), sides.baselineMean()), Double.NaN);
        }
        double towardBetter = e.kind() == Expectation.Kind.BETTER_BY_AT_LEAST ? 1 : -1;
        return ratio(sides, towardBetter * q.direction().sign(), e.margin());
    }

    /** The lower of an equivalence's two one-sided tests ("greater" than the lower bound). */
    static Margin lower(Verifier.Question q, Sides sides) {
        return bound(q, sides, -1);
    }

    /** The upper of an equivalence's two one-sided tests ("less" than the upper bound). */
    static Margin upper(Verifier.Question q, Sides sides) {
        return bound(q, sides, 1);
    }

    private static Margin bound(Verifier.Question q, Sides sides, int sign) {
        Expectation e = q.expectation();
        if (!ratioTested(e)) {
            return new Margin(sides, sign * e.absoluteMargin(sides.baselineMean()), Double.NaN);
        }
        return ratio(sides, sign, e.margin());
    }

    /** treatment − baseline = sign · m% · |baseline mean|, as treatment = ratio × baseline. */
    private static Margin ratio(Sides sides, double sign, double percent) {
        double baselineSign = Math.signum(sides.baselineMean());
        double ratio = 1 + sign * baselineSign * percent / 100.0;
        return new Margin(sides.scaledBaseline(ratio), 0, ratio);
    }
}
