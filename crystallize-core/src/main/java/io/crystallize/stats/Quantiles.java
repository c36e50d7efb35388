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
        double q = t.inverseSurvivalProbability(upperTail);
        // Newton steps on the survival function: the library inverse is solver-based
        // and its last digits matter for CIs and critical values compared at 1e-9.
        for (int i = 0; i < 3 && Double.isFinite(q); i++) {
            double density = t.density(q);
            if (density <= 0) {
                break;
            }
            double next = q + (t.survivalProbability(q) - upperTail) / density;
            if (next == q) {
                break;
            }
            q = next;
        }
        return q;
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
