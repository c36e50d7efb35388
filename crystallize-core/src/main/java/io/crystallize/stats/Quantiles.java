package io.crystallize.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** Quantiles polished to full double precision. */
final class Quantiles {

    static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Quantiles() {
    }

    /** The t with P(T > t) = upperTail, for df degrees of freedom. */
    static double tUpper(double df, double upperTail) {
        TDistribution t = TDistribution.of(df);
        double q = newton(t, upperTail, cornishFisher(df, upperTail), 8);
        if (Double.isNaN(q)) {
            // far tails or few degrees of freedom, where the expansion is no start: the library's
            // solver-based inverse, whose last digits the Newton steps then polish
            q = t.inverseSurvivalProbability(upperTail);
            double polished = newton(t, upperTail, q, 3);
            q = Double.isNaN(polished) ? q : polished;
        }
        return q;
    }

    /**
     * Newton steps on the survival function from {@code start}; NaN when they do not settle to
     * full precision within {@code steps} (a poor start), or the start is not finite.
     */
    private static double newton(TDistribution t, double upperTail, double start, int steps) {
        double q = start;
        for (int i = 0; i < steps && Double.isFinite(q); i++) {
            double density = t.density(q);
            if (!(density > 0)) {
                return Double.NaN;
            }
            double next = q + (t.survivalProbability(q) - upperTail) / density;
            if (Math.abs(next - q) <= 4 * Math.ulp(q)) {
                return next;
            }
            q = next;
        }
        return Double.NaN;
    }

    /**
     * The Cornish-Fisher expansion of the t quantile around the normal one (Abramowitz and Stegun
     * 26.7.5), accurate to a few parts in 10^4 from 3 degrees of freedom in the usual tails: a
     * start from which Newton's method needs two or three steps, where the library's bracketing
     * solver needs dozens of evaluations. NaN where it is no good start.
     */
    private static double cornishFisher(double df, double upperTail) {
        if (df < 3 || upperTail < 1e-8 || upperTail > 1 - 1e-8) {
            return Double.NaN;
        }
        double z = zUpper(upperTail);
        double z2 = z * z;
        double g1 = (z2 + 1) * z / 4;
        double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
        double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
        double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
        return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
    }

    /** The z with P(Z > z) = upperTail. */
    static double zUpper(double upperTail) {
        return STANDARD_NORMAL.inverseSurvivalProbability(upperTail);
    }

    /** Upper-tail and lower-tail normal probabilities combined per alternative, for a z statistic. */
    static double normalPValue(double z, Alternative alternative) {
        return switch (alternative) {
            case GREATER -> STANDARD_NORMAL.survivalProbability(z);
            case LESS -> STANDARD_NORMAL.cumulativeProbability(z);
            case TWO_SIDED -> Math.min(1.0, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
        };
    }
}
