package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.Power;

/**
 * Design figures of a verdict (not post-hoc power): the minimal detectable effect at 80% power
 * for the n used, and the replicates per side a declared minimum effect needs.
 *
 * <ul>
 *   <li>{@link #PAIRED_T}: one-sample noncentral t on the pairs, df = n − 1 (d_z units);</li>
 *   <li>{@link #TWO_SAMPLE_T}: two-sample Student noncentral t (Cohen's d units), with unequal
 *       sides at the harmonic mean 2·n1·n2/(n1 + n2) per side; also used, as an approximation,
 *       for Welch, for tests on 0/1 values and for resampling tests of the mean difference;</li>
 *   <li>{@link #PAIRED_RANK} and {@link #TWO_SAMPLE_RANK}: the t figures at n·3/π (the asymptotic
 *       relative efficiency of the Wilcoxon and Mann-Whitney tests under normality), as
 *       {@link Power} documents;</li>
 *   <li>{@link #NONE}: no figure (KS, ANOVA, equivalence, custom statistics).</li>
 * </ul>
 *
 * Sidedness and alpha are the hypothesis's; metric units are the standardised figure times the
 * SD of the differences (paired) or the pooled SD.
 */
enum Design {
    PAIRED_T,
    TWO_SAMPLE_T,
    PAIRED_RANK,
    TWO_SAMPLE_RANK,
    NONE;

    static final double POWER = Power.DEFAULT_POWER;

    /** Standardised minimal detectable effect (positive magnitude), NaN for {@link #NONE}. */
    double mdeStandardized(int nBaseline, int nTreatment, double alpha, Alternative alternative) {
        double n = perSide(nBaseline, nTreatment);
        if (n < 2) {
            return Double.NaN;
        }
        return switch (this) {
            case PAIRED_T -> Power.mdePairedT(n, alpha, alternative, POWER);
            case TWO_SAMPLE_T -> Power.mdeStudentT(n, alpha, alternative, POWER);
            case PAIRED_RANK -> Power.mdeWilcoxon((int) Math.round(n), alpha, alternative, POWER);
            case TWO_SAMPLE_RANK -> Power.mdeMannWhitney((int) Math.round(n), alpha, alternative, POWER);
            case NONE -> Double.NaN;
        };
    }

    /**
     * Replicates per side (pairs when paired) for 80% power at a standardised effect, −1 for
     * {@link #NONE}; {@link Integer#MAX_VALUE} when the effect is too small for any practical n.
     */
    int replicatesNeeded(double effectStandardized, double alpha, Alternative alternative) {
        double d = Math.abs(effectStandardized);
        Alternative oriented = alternative == Alternative.LESS ? Alternative.GREATER : alternative;
        try {
            return switch (this) {
                case PAIRED_T -> Power.nPairsPairedT(d, alpha, oriented, POWER);
                case TWO_SAMPLE_T -> Power.nPerSideStudentT(d, alpha, oriented, POWER);
                case PAIRED_RANK -> Power.nPairsWilcoxon(d, alpha, oriented, POWER);
                case TWO_SAMPLE_RANK -> Power.nPerSideMannWhitney(d, alpha, oriented, POWER);
                case NONE -> -1;
            };
        } catch (IllegalArgumentException tooSmall) {
            return Integer.MAX_VALUE;
        }
    }

    /** The n per side the figures use: n itself when equal, else the harmonic mean. */
    static double perSide(int nBaseline, int nTreatment) {
        if (nBaseline == nTreatment) {
            return nBaseline;
        }
        return 2.0 * nBaseline * nTreatment / (nBaseline + nTreatment);
    }

    /** The same design without pairing (when too few pairs leave only the sides' SDs). */
    Design unpaired() {
        return switch (this) {
            case PAIRED_T -> TWO_SAMPLE_T;
            case PAIRED_RANK -> TWO_SAMPLE_RANK;
            default -> this;
        };
    }
}
