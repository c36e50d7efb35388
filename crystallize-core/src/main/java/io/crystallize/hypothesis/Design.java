package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.Power;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.statistics.distribution.NormalDistribution;

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
 * Sidedness is the hypothesis's; the level is its family's ({@link Verifier.Question#familyLevel()}:
 * alpha divided by the family size under a correction, so that the 80% power holds for the
 * hypothesis as configured); metric units are the standardised figure times the SD of the
 * differences (paired) or the pooled SD.
 */
enum Design {
    PAIRED_T,
    TWO_SAMPLE_T,
    PAIRED_RANK,
    TWO_SAMPLE_RANK,
    NONE;

    static final double POWER = Power.DEFAULT_POWER;

    /** Figures already solved: a suite's hypotheses share a handful of designs (n, alpha, sides). */
    private record Solved(Design design, int nBaseline, int nTreatment, double alpha, Alternative alternative) {

        // written out: a record's generated equals and hashCode go through method handles, which cost
        // more than the rest of the look-up (before the JIT has compiled them, many times more)
        @Override
        public boolean equals(Object o) {
            return o instanceof Solved s && design == s.design && nBaseline == s.nBaseline
                    && nTreatment == s.nTreatment && Double.compare(alpha, s.alpha) == 0
                    && alternative == s.alternative;
        }

        @Override
        public int hashCode() {
            int h = design.ordinal();
            h = 31 * h + nBaseline;
            h = 31 * h + nTreatment;
            h = 31 * h + Double.hashCode(alpha);
            return 31 * h + alternative.ordinal();
        }
    }

    private static final int REMEMBERED = 1024;
    private static final Map<Solved, Double> SOLVED = new ConcurrentHashMap<>();

    /** Standardised minimal detectable effect (positive magnitude), NaN for {@link #NONE}. */
    double mdeStandardized(int nBaseline, int nTreatment, double alpha, Alternative alternative) {
        Alternative oriented = alternative == Alternative.LESS ? Alternative.GREATER : alternative;
        Solved question = new Solved(this, nBaseline, nTreatment, alpha, oriented);
        Double solved = SOLVED.get(question);
        if (solved == null) {
            if (SOLVED.size() >= REMEMBERED) {
                SOLVED.clear();
            }
            solved = solveMde(nBaseline, nTreatment, alpha, oriented);
            SOLVED.put(question, solved);
        }
        return solved;
    }

    private double solveMde(int nBaseline, int nTreatment, double alpha, Alternative oriented) {
        double n = perSide(nBaseline, nTreatment);
        if (n < 2) {
            return Double.NaN;
        }
        double rankN = Math.max(2, Math.round(n) * Power.RANK_TEST_EFFICIENCY);
        return switch (this) {
            case PAIRED_T -> solve(d -> Power.pairedT(d, n, alpha, oriented), n, 1, alpha, oriented);
            case TWO_SAMPLE_T -> solve(d -> Power.studentT(d, n, alpha, oriented), n, 2, alpha, oriented);
            case PAIRED_RANK -> solve(d -> Power.pairedT(d, rankN, alpha, oriented), rankN, 1, alpha, oriented);
            case TWO_SAMPLE_RANK -> solve(d -> Power.studentT(d, rankN, alpha, oriented), rankN, 2, alpha, oriented);
            case NONE -> Double.NaN;
        };
    }

    /**
     * The effect at which {@code power} reaches 80%: the same equation {@link Power}'s mde methods
     * solve by bisection, solved here from the normal approximation (z_{1−α} + z_{0.8})·√(k/n) by a
     * bracketed Illinois secant to 1e-13 relative, in a handful of noncentral-t evaluations (a
     * verdict's whole budget is a millisecond).
     */
    private static double solve(java.util.function.DoubleUnaryOperator power, double n, double k, double alpha,
            Alternative alternative) {
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double za = normal.inverseSurvivalProbability(alternative == Alternative.TWO_SIDED ? alpha / 2 : alpha);
        double guess = (za + normal.inverseCumulativeProbability(POWER)) * Math.sqrt(k / n);
        double lo = guess;
        double flo = power.applyAsDouble(lo) - POWER;
        while (flo > 0) {
            lo /= 2;
            flo = power.applyAsDouble(lo) - POWER;
        }
        double hi = Math.max(guess, lo) * 1.25;
        double fhi = power.applyAsDouble(hi) - POWER;
        while (fhi < 0) {
            lo = hi;
            flo = fhi;
            hi *= 2;
            fhi = power.applyAsDouble(hi) - POWER;
        }
        int side = 0;
        for (int i = 0; i < 100 && hi - lo > 1e-13 * hi; i++) {
            double mid = (lo * fhi - hi * flo) / (fhi - flo);
            if (!(mid > lo && mid < hi)) {
                mid = 0.5 * (lo + hi);
            }
            double f = power.applyAsDouble(mid) - POWER;
            if (f == 0) {
                return mid;
            }
            if (f < 0) {
                lo = mid;
                flo = f;
                if (side == -1) {
                    fhi /= 2;
                }
                side = -1;
            } else {
                hi = mid;
                fhi = f;
                if (side == 1) {
                    flo /= 2;
                }
                side = 1;
            }
        }
        return 0.5 * (lo + hi);
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

    /** How the minimal detectable effect of a question was computed, for the verdict's method. */
    String method(Verifier.Question q) {
        String how = switch (this) {
            case PAIRED_T -> "one-sample noncentral t on the pairs, df = n − 1, in SDs of the differences (d_z)";
            case TWO_SAMPLE_T -> "two-sample noncentral t (Student, n per side the harmonic mean), in pooled SDs";
            case PAIRED_RANK -> "paired noncentral t at n·3/π pairs (the rank test's efficiency), in SDs of the differences";
            case TWO_SAMPLE_RANK -> "two-sample noncentral t at n·3/π per side (the rank test's efficiency), in pooled SDs";
            case NONE -> "none";
        };
        String sided = "two-sided".equals(q.expectation().alternative(q.direction())) ? "two-sided" : "one-sided";
        return "minimal detectable effect at " + Math.round(100 * POWER) + "% power: " + how + ", " + sided + " at "
                + q.familyLevelText();
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
