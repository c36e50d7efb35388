package io.crystallize.stats;

/**
 * Design figures for t-tests by the noncentral t distribution, and for rank tests by the
 * asymptotic relative efficiency 3/π of the Mann-Whitney and Wilcoxon tests against the t-test
 * under normality (a rank test on n values has about the power of the t-test on 3n/π values).
 *
 * <p>Two-sample Student t with n per side: df = 2n - 2, noncentrality d √(n/2). Paired t (and
 * one-sample) on n pairs: df = n - 1, noncentrality d_z √n. GREATER: P(T > t_{1-α}); LESS:
 * P(T &lt; -t_{1-α}); TWO_SIDED: P(T > t_{1-α/2}) + P(T &lt; -t_{1-α/2}) (the far tail included).
 * Effects are standardised (Cohen's d, d_z) and signed as x minus y. Minimal detectable effects
 * are returned as the positive magnitude in the direction of the alternative (for LESS, the effect
 * -mde has the requested power).
 */
public final class Power {

    /** Asymptotic relative efficiency of rank tests vs the t-test under normality. */
    public static final double RANK_TEST_EFFICIENCY = 3 / Math.PI;

    /** The conventional design power. */
    public static final double DEFAULT_POWER = 0.8;

    private Power() {
    }

    /** Power of the two-sample Student t-test with {@code nPerSide} per side (may be fractional). */
    public static double studentT(double effectD, double nPerSide, double alpha, Alternative alternative) {
        requireN(nPerSide, 2);
        return power(2 * nPerSide - 2, effectD * Math.sqrt(nPerSide / 2), alpha, alternative);
    }

    /** Power of the paired t-test on {@code nPairs} differences with standardised effect d_z. */
    public static double pairedT(double effectDz, double nPairs, double alpha, Alternative alternative) {
        requireN(nPairs, 2);
        return power(nPairs - 1, effectDz * Math.sqrt(nPairs), alpha, alternative);
    }

    /** Smallest n per side (at least 2) with Student-t power at least {@code targetPower}. */
    public static int nPerSideStudentT(double effectD, double alpha, Alternative alternative, double targetPower) {
        return smallestN(n -> studentT(effectD, n, alpha, alternative), targetPower);
    }

    /** Smallest number of pairs (at least 2) with paired-t power at least {@code targetPower}. */
    public static int nPairsPairedT(double effectDz, double alpha, Alternative alternative, double targetPower) {
        return smallestN(n -> pairedT(effectDz, n, alpha, alternative), targetPower);
    }

    /** Cohen's d at which the Student t-test with n per side has exactly {@code targetPower}. */
    public static double mdeStudentT(double nPerSide, double alpha, Alternative alternative, double targetPower) {
        requireN(nPerSide, 2);
        return solveEffect(d -> studentT(d, nPerSide, alpha, oriented(alternative)), targetPower);
    }

    /** d_z at which the paired t-test on n pairs has exactly {@code targetPower}. */
    public static double mdePairedT(double nPairs, double alpha, Alternative alternative, double targetPower) {
        requireN(nPairs, 2);
        return solveEffect(d -> pairedT(d, nPairs, alpha, oriented(alternative)), targetPower);
    }

    /** Approximate MDE (Cohen's d) of the Mann-Whitney test: the Student-t MDE at n·3/π per side. */
    public static double mdeMannWhitney(int nPerSide, double alpha, Alternative alternative, double targetPower) {
        return mdeStudentT(Math.max(2, nPerSide * RANK_TEST_EFFICIENCY), alpha, alternative, targetPower);
    }

    /** Approximate MDE (d_z) of the Wilcoxon signed-rank test: the paired-t MDE at n·3/π pairs. */
    public static double mdeWilcoxon(int nPairs, double alpha, Alternative alternative, double targetPower) {
        return mdePairedT(Math.max(2, nPairs * RANK_TEST_EFFICIENCY), alpha, alternative, targetPower);
    }

    /** Approximate n per side for the Mann-Whitney test: the Student-t n divided by 3/π, rounded up. */
    public static int nPerSideMannWhitney(double effectD, double alpha, Alternative alternative, double targetPower) {
        return (int) Math.ceil(nPerSideStudentT(effectD, alpha, alternative, targetPower) / RANK_TEST_EFFICIENCY);
    }

    /** Approximate pairs for the Wilcoxon signed-rank test: the paired-t n divided by 3/π, rounded up. */
    public static int nPairsWilcoxon(double effectDz, double alpha, Alternative alternative, double targetPower) {
        return (int) Math.ceil(nPairsPairedT(effectDz, alpha, alternative, targetPower) / RANK_TEST_EFFICIENCY);
    }

    static double power(double df, double ncp, double alpha, Alternative alternative) {
        return switch (alternative) {
            case GREATER -> NoncentralT.survival(Quantiles.tUpper(df, alpha), df, ncp);
            case LESS -> NoncentralT.cdf(-Quantiles.tUpper(df, alpha), df, ncp);
            case TWO_SIDED -> {
                double c = Quantiles.tUpper(df, alpha / 2);
                yield NoncentralT.survival(c, df, ncp) + NoncentralT.cdf(-c, df, ncp);
            }
        };
    }

    private static Alternative oriented(Alternative alternative) {
        return alternative == Alternative.LESS ? Alternative.GREATER : alternative;
    }

    private static int smallestN(java.util.function.IntToDoubleFunction power, double target) {
        checkTarget(target);
        int lo = 2;
        if (power.applyAsDouble(lo) >= target) {
            return lo;
        }
        int hi = 4;
        while (power.applyAsDouble(hi) < target) {
            lo = hi;
            if (hi > (1 << 29)) {
                throw new IllegalArgumentException("effect too small to reach the power with any practical n");
            }
            hi *= 2;
        }
        // power(lo) < target <= power(hi)
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (power.applyAsDouble(mid) >= target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static double solveEffect(java.util.function.DoubleUnaryOperator power, double target) {
        checkTarget(target);
        double lo = 0;
        double hi = 1;
        while (power.applyAsDouble(hi) < target) {
            lo = hi;
            hi *= 2;
            if (hi > 1e6) {
                throw new IllegalArgumentException("target power not reachable");
            }
        }
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (power.applyAsDouble(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static void checkTarget(double target) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("target power must lie in (0, 1): " + target);
        }
    }

    private static void requireN(double n, double min) {
        if (!(n >= min)) {
            throw new IllegalArgumentException("need n >= " + min + ", got " + n);
        }
    }
}
