package io.crystallize.stats;

import java.util.List;

/**
 * Score test of the difference of success rates p_x − p_y of two independent samples of 0/1
 * values: successesX of nX against successesY of nY.
 *
 * <p>The statistic is Miettinen and Nurminen's (1985) score z = (p̂x − p̂y − d0) / √(V·N/(N − 1)),
 * V = p̃x(1 − p̃x)/nX + p̃y(1 − p̃y)/nY with p̃ the maximum-likelihood rates under p_x − p_y = d0
 * (for d0 = 0 the pooled rate: then z·√(N/(N − 1)) is Barnard's pooled statistic, the signed root of
 * Pearson's chi-square). Up to {@link #EXACT_LIMIT} per side the p-value is exact unconditional
 * (Chan 1998; Barnard's test for d0 = 0): the largest probability, over every pair of rates with
 * difference d0, of a statistic at least as extreme as observed. That holds the level at any n;
 * the normal approximation does not: at the least favourable common rate its size for alpha 0.05 and
 * a margin of 0.1 is 0.058 at 10 per side and still 0.058 at 100 and 0.057 at 200 (the discreteness
 * of the outcomes fades slowly). Beyond {@link #EXACT_LIMIT} per side the exact computation costs
 * more than that excess is worth, and the p-value is the normal approximation's.
 */
public final class IndependentProportions {

    /** The largest side whose p-value is exact unconditional; asymptotic beyond. */
    public static final int EXACT_LIMIT = 100;

    private IndependentProportions() {
    }

    /** Miettinen and Nurminen's score statistic of p_x − p_y = nullDifference; 0 when p̂x − p̂y equals it. */
    public static double scoreStatistic(int successesX, int nX, int successesY, int nY, double nullDifference) {
        requireCounts(successesX, nX, successesY, nY);
        PairedProportions.requireDifference(nullDifference);
        return statistic(successesX, nX, successesY, nY, nullDifference);
    }

    /**
     * The score test of p_x − p_y against nullDifference: exact unconditional when both sides have
     * at most {@link #EXACT_LIMIT} values, asymptotic normal otherwise. GREATER means
     * p_x − p_y > nullDifference. TWO_SIDED is defined for nullDifference 0 only.
     */
    public static TestResult scoreTest(int successesX, int nX, int successesY, int nY, double nullDifference,
            Alternative alternative) {
        return scoreTest(successesX, nX, successesY, nY, nullDifference, alternative,
                Math.max(nX, nY) <= EXACT_LIMIT ? Computation.EXACT : Computation.ASYMPTOTIC);
    }

    /** The score test with the p-value computed as asked: EXACT (unconditional) or ASYMPTOTIC. */
    public static TestResult scoreTest(int successesX, int nX, int successesY, int nY, double nullDifference,
            Alternative alternative, Computation computation) {
        requireCounts(successesX, nX, successesY, nY);
        PairedProportions.requireDifference(nullDifference);
        PairedProportions.requireSides(alternative, nullDifference);
        double z = statistic(successesX, nX, successesY, nY, nullDifference);
        double p = switch (computation) {
            case EXACT -> exactPValue(successesX, nX, successesY, nY, nullDifference, alternative);
            case ASYMPTOTIC -> Quantiles.normalPValue(z, alternative);
            case MONTE_CARLO -> throw new IllegalArgumentException("the score test has no Monte Carlo p-value");
        };
        String how = computation == Computation.EXACT
                ? "exact unconditional (largest tail probability over the rates with that difference"
                        + (nullDifference == 0 ? ": Barnard's test)" : ")")
                : "asymptotic normal";
        TestMethod method = TestMethod.parametric(computation,
                "Miettinen-Nurminen score test of the difference of rates, " + how);
        return new TestResult("Miettinen-Nurminen score", method, alternative, z, Math.min(1.0, p), Double.NaN,
                List.of(nX, nY), null);
    }

    /**
     * The smallest p-value {@link #scoreTest(int, int, int, int, double, Alternative)} can give with
     * these sample sizes: that of the most extreme outcome in the alternative's direction.
     */
    public static double smallestPValue(int nX, int nY, double nullDifference, Alternative alternative) {
        PairedProportions.requireDifference(nullDifference);
        PairedProportions.requireSides(alternative, nullDifference);
        return SmallestPValues.remembered(new SmallestPValues.Design(nX, nY, nullDifference, alternative, false),
                () -> smallest(nX, nY, nullDifference, alternative));
    }

    private static double smallest(int nX, int nY, double nullDifference, Alternative alternative) {
        if (nX < 1 || nY < 1) {
            return 1.0;
        }
        if (alternative == Alternative.LESS) {
            return smallest(nY, nX, -nullDifference, Alternative.GREATER);
        }
        if (Math.max(nX, nY) > EXACT_LIMIT) {
            double z = statistic(nX, nX, 0, nY, nullDifference);
            return Quantiles.normalPValue(alternative == Alternative.TWO_SIDED ? Math.abs(z) : z, alternative);
        }
        int bestX = 0;
        int bestY = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int x = 0; x <= nX; x++) {
            for (int y = 0; y <= nY; y++) {
                double z = statistic(x, nX, y, nY, nullDifference);
                double extremeness = alternative == Alternative.TWO_SIDED ? Math.abs(z) : z;
                if (extremeness > best) {
                    best = extremeness;
                    bestX = x;
                    bestY = y;
                }
            }
        }
        return exactPValue(bestX, nX, bestY, nY, nullDifference, alternative);
    }

    static double statistic(int successesX, int nX, int successesY, int nY, double d0) {
        double px = (double) successesX / nX;
        double py = (double) successesY / nY;
        double numerator = px - py - d0;
        if (numerator == 0) {
            return 0;
        }
        double ry = d0 == 0 ? (double) (successesX + successesY) / (nX + nY)
                : rateYUnderNull(successesX, nX, successesY, nY, d0);
        double rx = ry + d0;
        int total = nX + nY;
        double variance = (rx * (1 - rx) / nX + ry * (1 - ry) / nY) * total / (total - 1.0);
        return numerator / Math.sqrt(variance);
    }

    /**
     * The maximum-likelihood rate of y when p_x − p_y = d0: where the restricted log-likelihood
     * peaks on [max(0, −d0), min(1, 1 − d0)] — a root of its score equation, a cubic in the rate
     * (coefficients from (x − nX·(p + d0))·p(1 − p) + (y − nY·p)·(p + d0)(1 − p − d0) = 0), or an end
     * when the likelihood is monotone there. The likelihood is concave, so the best candidate wins.
     */
    static double rateYUnderNull(int successesX, int nX, int successesY, int nY, double d0) {
        double x = successesX;
        double y = successesY;
        double total = nX + nY;
        double a2 = -(total + x + y) + d0 * (nX + 2.0 * nY);
        double a1 = (x - nX * d0) + y * (1 - 2 * d0) - nY * d0 * (1 - d0);
        double a0 = y * d0 * (1 - d0);
        double lo = Math.max(0, -d0);
        double hi = Math.min(1, 1 - d0);
        double best = lo;
        double bestLikelihood = logLikelihood(successesX, nX, successesY, nY, d0, lo);
        double atHi = logLikelihood(successesX, nX, successesY, nY, d0, hi);
        if (atHi > bestLikelihood) {
            best = hi;
            bestLikelihood = atHi;
        }
        for (double root : Cubic.realRoots(total, a2, a1, a0)) {
            if (root > lo && root < hi) {
                double likelihood = logLikelihood(successesX, nX, successesY, nY, d0, root);
                if (likelihood > bestLikelihood) {
                    best = root;
                    bestLikelihood = likelihood;
                }
            }
        }
        return best;
    }

    private static double logLikelihood(int x, int nX, int y, int nY, double d0, double py) {
        double px = py + d0;
        return xLog(x, px) + xLog(nX - x, 1 - px) + xLog(y, py) + xLog(nY - y, 1 - py);
    }

    private static double xLog(int k, double p) {
        return k == 0 ? 0 : k * Math.log(p);
    }

    private static double exactPValue(int successesX, int nX, int successesY, int nY, double d0,
            Alternative alternative) {
        if (alternative == Alternative.LESS) {
            return exactPValue(successesY, nY, successesX, nX, -d0, Alternative.GREATER);
        }
        boolean twoSided = alternative == Alternative.TWO_SIDED;
        double observed = statistic(successesX, nX, successesY, nY, d0);
        if (twoSided) {
            observed = Math.abs(observed);
        }
        double threshold = observed - PairedProportions.TIE * Math.max(1, Math.abs(observed));
        boolean[] region = new boolean[(nX + 1) * (nY + 1)];
        for (int x = 0; x <= nX; x++) {
            for (int y = 0; y <= nY; y++) {
                double z = statistic(x, nX, y, nY, d0);
                region[x * (nY + 1) + y] = (twoSided ? Math.abs(z) : z) >= threshold;
            }
        }
        double[] logFactorial = PairedProportions.logFactorials(Math.max(nX, nY));
        double[] probabilitiesX = new double[nX + 1];
        double[] probabilitiesY = new double[nY + 1];
        double lo = Math.max(0, -d0);
        double hi = Math.min(1, 1 - d0);
        return NuisanceSupremum.of(py -> {
            binomial(probabilitiesX, nX, Math.min(1, Math.max(0, py + d0)), logFactorial);
            binomial(probabilitiesY, nY, py, logFactorial);
            double sum = 0;
            for (int x = 0; x <= nX; x++) {
                double inner = 0;
                int row = x * (nY + 1);
                for (int y = 0; y <= nY; y++) {
                    if (region[row + y]) {
                        inner += probabilitiesY[y];
                    }
                }
                sum += probabilitiesX[x] * inner;
            }
            return sum;
        }, lo, hi);
    }

    /** out[k] = P(K = k) for K ~ binomial(n, p), from logarithms (0^0 = 1). */
    private static void binomial(double[] out, int n, double p, double[] logFactorial) {
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        for (int k = 0; k <= n; k++) {
            out[k] = Math.exp(logFactorial[n] - logFactorial[k] - logFactorial[n - k] + (k == 0 ? 0 : k * logP)
                    + (k == n ? 0 : (n - k) * logQ));
        }
    }

    private static void requireCounts(int successesX, int nX, int successesY, int nY) {
        if (nX < 1 || nY < 1 || successesX < 0 || successesX > nX || successesY < 0 || successesY > nY) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n >= 1 per side: " + successesX + "/"
                    + nX + ", " + successesY + "/" + nY);
        }
    }
}
