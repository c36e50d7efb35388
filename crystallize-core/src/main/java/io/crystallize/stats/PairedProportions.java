package io.crystallize.stats;

import java.util.List;

/**
 * Tests of the difference of success rates p_x − p_y of replicate-matched 0/1 pairs. Only the
 * discordant pairs carry information about it: {@code favourX} pairs where x succeeded and y failed,
 * {@code favourY} the other way round, out of n pairs in all.
 *
 * <ul>
 *   <li>{@link #mcNemarExact}: the difference 0 against the discordant pairs alone (exact
 *       conditional McNemar): given k discordant pairs, favourX is binomial(k, 1/2) when the rates
 *       are equal, so the p-value is exact; it is conservative, never liberal.</li>
 *   <li>{@link #tangoTest}: a difference d0 ≠ 0 (non-inferiority, superiority by a margin,
 *       equivalence) by Tango's score statistic (Tango 1998), z = (favourX − favourY − n·d0) /
 *       √(n·(2·q + d0·(1 − d0))), q the maximum-likelihood probability of a pair favouring y when the
 *       difference is d0. Up to {@link #EXACT_LIMIT} pairs its p-value is exact unconditional: the
 *       largest probability, over every pair distribution with difference d0, of a statistic at
 *       least as extreme as observed — which holds the level at any n. The normal approximation
 *       does not: at the least favourable pair distribution its size for alpha 0.05 and a margin
 *       of 0.1 is 0.055 at 10 pairs, 0.071 at 30, 0.058 at 100 and 0.057 at 200. Beyond the limit
 *       the exact computation costs more than that excess is worth, and the p-value is the normal
 *       approximation's.</li>
 * </ul>
 */
public final class PairedProportions {

    /** The most pairs whose score test p-value is exact unconditional; asymptotic beyond. */
    public static final int EXACT_LIMIT = 100;

    /** Statistics within this relative distance of the observed one count as equal (rounding). */
    static final double TIE = 1e-10;

    private PairedProportions() {
    }

    /**
     * Exact conditional McNemar test of p_x − p_y = 0: favourX of the favourX + favourY discordant
     * pairs against binomial(k, 1/2). The statistic is favourX; GREATER means x succeeds more often.
     * The two-sided p-value is twice the smaller tail (the distribution is symmetric), at most 1; with
     * no discordant pair it is 1.
     */
    public static TestResult mcNemarExact(int favourX, int favourY, Alternative alternative) {
        requireCounts(favourX, favourY, favourX + favourY);
        int k = favourX + favourY;
        TestMethod method = TestMethod.parametric(Computation.EXACT,
                "exact conditional McNemar test (the discordant pairs favouring x are binomial(discordant pairs,"
                        + " 1/2) when the rates are equal)");
        double p = k == 0 ? 1.0 : Binomial.test(favourX, k, 0.5, alternative).pValue();
        return new TestResult("McNemar exact", method, alternative, favourX, p, Double.NaN, List.of(k, k), null);
    }

    /** The smallest p-value the exact conditional McNemar test can give with k discordant pairs. */
    public static double mcNemarSmallestPValue(int discordant, Alternative alternative) {
        double oneTail = Math.pow(0.5, discordant);
        return alternative == Alternative.TWO_SIDED ? Math.min(1.0, 2 * oneTail) : oneTail;
    }

    /** Tango's score statistic of p_x − p_y = nullDifference; 0 when no pair is discordant and d0 = 0. */
    public static double tangoStatistic(int favourX, int favourY, int n, double nullDifference) {
        requireCounts(favourX, favourY, n);
        requireDifference(nullDifference);
        return statistic(favourX, favourY, n, nullDifference);
    }

    /**
     * Tango's score test of p_x − p_y against nullDifference: exact unconditional up to
     * {@link #EXACT_LIMIT} pairs, asymptotic normal beyond. GREATER means p_x − p_y > nullDifference.
     * TWO_SIDED is defined for nullDifference 0 only (|z| at least as large).
     */
    public static TestResult tangoTest(int favourX, int favourY, int n, double nullDifference,
            Alternative alternative) {
        return tangoTest(favourX, favourY, n, nullDifference, alternative,
                n <= EXACT_LIMIT ? Computation.EXACT : Computation.ASYMPTOTIC);
    }

    /** Tango's score test with the p-value computed as asked: EXACT (unconditional) or ASYMPTOTIC. */
    public static TestResult tangoTest(int favourX, int favourY, int n, double nullDifference,
            Alternative alternative, Computation computation) {
        requireCounts(favourX, favourY, n);
        requireDifference(nullDifference);
        requireSides(alternative, nullDifference);
        if (computation == Computation.EXACT && n > EXACT_LIMIT) {
            throw new IllegalArgumentException("the exact unconditional p-value is computed up to " + EXACT_LIMIT
                    + " pairs, not " + n + ": use the asymptotic one");
        }
        double z = statistic(favourX, favourY, n, nullDifference);
        double p = switch (computation) {
            case EXACT -> exactPValue(favourX, favourY, n, nullDifference, alternative);
            case ASYMPTOTIC -> Quantiles.normalPValue(z, alternative);
            case MONTE_CARLO -> throw new IllegalArgumentException("Tango's test has no Monte Carlo p-value");
        };
        String how = computation == Computation.EXACT
                ? "exact unconditional (largest tail probability over the pair distributions with that difference)"
                : "asymptotic normal";
        TestMethod method = TestMethod.parametric(computation, "Tango score test of the paired difference of rates, "
                + how);
        return new TestResult("Tango score", method, alternative, z, Math.min(1.0, p), Double.NaN, List.of(n, n), null);
    }

    /**
     * The smallest p-value {@link #tangoTest(int, int, int, double, Alternative)} can give with n
     * pairs: that of the most extreme outcome in the alternative's direction. A test whose smallest
     * p-value is at least alpha can never reject.
     */
    public static double tangoSmallestPValue(int n, double nullDifference, Alternative alternative) {
        requireDifference(nullDifference);
        requireSides(alternative, nullDifference);
        return SmallestPValues.remembered(new SmallestPValues.Design(n, n, nullDifference, alternative, true),
                () -> smallestPValue(n, nullDifference, alternative));
    }

    private static double smallestPValue(int n, double nullDifference, Alternative alternative) {
        if (n < 1) {
            return 1.0;
        }
        if (alternative == Alternative.LESS) {
            return smallestPValue(n, -nullDifference, Alternative.GREATER);
        }
        if (n > EXACT_LIMIT) {
            double z = statistic(n, 0, n, nullDifference);
            return Quantiles.normalPValue(alternative == Alternative.TWO_SIDED ? Math.abs(z) : z, alternative);
        }
        int bestX = 0;
        int bestY = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int x = 0; x <= n; x++) {
            for (int y = 0; x + y <= n; y++) {
                double z = statistic(x, y, n, nullDifference);
                double extremeness = alternative == Alternative.TWO_SIDED ? Math.abs(z) : z;
                if (extremeness > best) {
                    best = extremeness;
                    bestX = x;
                    bestY = y;
                }
            }
        }
        return exactPValue(bestX, bestY, n, nullDifference, alternative);
    }

    static double statistic(int favourX, int favourY, int n, double d0) {
        double numerator = favourX - favourY - n * d0;
        if (numerator == 0) {
            return 0;
        }
        return numerator / Math.sqrt(n * (2 * favouringYUnderNull(favourX, favourY, n, d0) + d0 * (1 - d0)));
    }

    /**
     * The maximum-likelihood probability of a pair favouring y when p_x − p_y = d0: the root in
     * [max(0, −d0), (1 − d0)/2] of 2n·q² + B·q + C = 0, B = −x − y + (2n − x + y)·d0,
     * C = −y·d0·(1 − d0), written to avoid cancellation.
     */
    static double favouringYUnderNull(int favourX, int favourY, int n, double d0) {
        double a = 2.0 * n;
        double b = -favourX - favourY + (2.0 * n - favourX + favourY) * d0;
        double c = -favourY * d0 * (1 - d0);
        double root = Math.sqrt(Math.max(0, b * b - 4 * a * c));
        return b > 0 ? -2 * c / (b + root) : (root - b) / (2 * a);
    }

    /** Exact unconditional p-value: the largest probability over the nuisance of the tail region. */
    private static double exactPValue(int favourX, int favourY, int n, double d0, Alternative alternative) {
        if (alternative == Alternative.LESS) {
            return exactPValue(favourY, favourX, n, -d0, Alternative.GREATER);
        }
        boolean twoSided = alternative == Alternative.TWO_SIDED;
        double observed = statistic(favourX, favourY, n, d0);
        if (twoSided) {
            observed = Math.abs(observed);
        }
        double threshold = observed - TIE * Math.max(1, Math.abs(observed));
        int cells = (n + 1) * (n + 2) / 2;
        int[] xs = new int[cells];
        int[] ys = new int[cells];
        int size = 0;
        for (int x = 0; x <= n; x++) {
            for (int y = 0; x + y <= n; y++) {
                double z = statistic(x, y, n, d0);
                if ((twoSided ? Math.abs(z) : z) >= threshold) {
                    xs[size] = x;
                    ys[size++] = y;
                }
            }
        }
        int regionSize = size;
        double factorial = factorial(n);
        double[] byX = new double[n + 1];
        double[] byY = new double[n + 1];
        double[] byConcordant = new double[n + 1];
        // q: probability of a pair favouring y; a pair favours x with q + d0 and is concordant otherwise.
        // A cell's probability n!/(x! y! m!) qx^x qy^y r^m is the product of three per-count factors
        // (at most 100 pairs: n! stays finite, and a factor that underflows belongs to a negligible cell)
        double lo = Math.max(0, -d0);
        double hi = (1 - d0) / 2;
        return NuisanceSupremum.of(q -> {
            double qx = Math.max(0, q + d0);
            double r = Math.max(0, 1 - qx - q);
            powersOverFactorials(byX, qx);
            powersOverFactorials(byY, q);
            powersOverFactorials(byConcordant, r);
            double sum = 0;
            for (int i = 0; i < regionSize; i++) {
                sum += byX[xs[i]] * byY[ys[i]] * byConcordant[n - xs[i] - ys[i]];
            }
            return sum * factorial;
        }, lo, hi);
    }

    /**
     * out[k] = p^k / k! for k = 0..out.length − 1 (0^0 = 1), by the recurrence out[k] = out[k − 1]·p/k:
     * a relative error below k ulps, and a term that underflows belongs to a negligible cell.
     */
    private static void powersOverFactorials(double[] out, double p) {
        out[0] = 1;
        for (int k = 1; k < out.length; k++) {
            out[k] = out[k - 1] * p / k;
        }
    }

    private static double factorial(int n) {
        double f = 1;
        for (int k = 2; k <= n; k++) {
            f *= k;
        }
        return f;
    }

    static double[] logFactorials(int n) {
        double[] f = new double[n + 1];
        for (int k = 2; k <= n; k++) {
            f[k] = f[k - 1] + Math.log(k);
        }
        return f;
    }

    private static void requireCounts(int favourX, int favourY, int n) {
        if (favourX < 0 || favourY < 0 || favourX + favourY > n) {
            throw new IllegalArgumentException("need 0 <= favourX, favourY and favourX + favourY <= n: favourX="
                    + favourX + ", favourY=" + favourY + ", n=" + n);
        }
    }

    static void requireDifference(double d0) {
        if (!(d0 > -1 && d0 < 1)) {
            throw new IllegalArgumentException("the null difference of two rates must lie strictly between -1 and 1: "
                    + d0);
        }
    }

    static void requireSides(Alternative alternative, double d0) {
        if (alternative == Alternative.TWO_SIDED && d0 != 0) {
            throw new IllegalArgumentException("a two-sided score test is defined here for a null difference of 0 only"
                    + " (use two one-sided tests for equivalence): " + d0);
        }
    }
}
