package io.crystallize.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Hodges-Lehmann shift: the median of all m·n pairwise differences x_i - y_j, and its
 * distribution-free confidence interval [D_(k), D_(mn+1-k)] from the Mann-Whitney null
 * distribution (exact without ties when m·n ≤ 2500, else the normal approximation with
 * tie-corrected variance).
 *
 * <p>Order statistics of the differences are selected without forming them: after sorting both
 * samples the differences form an implicitly sorted matrix, and a randomised pivot search counts
 * the differences below a pivot in O(m + n) per step (two pointers), shrinking each row's candidate
 * range, for O((m + n) log(m n)) expected time after the O(m log m + n log n) sorts.
 */
public final class HodgesLehmann {

    private static final int EXACT_CI_LIMIT = 2500;

    private HodgesLehmann() {
    }

    /** Median of x_i - y_j over all pairs (mean of the two middle ones when m·n is even). */
    public static double shift(double[] x, double[] y) {
        Samples.requireAtLeast(x, 1, "x");
        Samples.requireAtLeast(y, 1, "y");
        double[] sx = Samples.sortedCopy(x);
        double[] sy = Samples.sortedCopy(y);
        long total = (long) sx.length * sy.length;
        if (total % 2 == 1) {
            return orderStatistic(sx, sy, total / 2);
        }
        double a = orderStatistic(sx, sy, total / 2 - 1);
        double b = orderStatistic(sx, sy, total / 2);
        return (a + b) / 2;
    }

    /** Two-sided CI of the shift at {@code level}; bounds are infinite when the samples are too small for the level. */
    public static Interval confidenceInterval(double[] x, double[] y, double level) {
        Samples.requireAtLeast(x, 1, "x");
        Samples.requireAtLeast(y, 1, "y");
        double[] sx = Samples.sortedCopy(x);
        double[] sy = Samples.sortedCopy(y);
        int m = sx.length;
        int n = sy.length;
        long mn = (long) m * n;
        double alpha = 1 - level;
        boolean ties = Ranking.of(Samples.concat(sx, sy)).hasTies();
        long k;
        if (mn <= EXACT_CI_LIMIT && !ties) {
            double[] pmf = mannWhitneyDistribution(m, n);
            // largest k with P(U <= k - 1) <= alpha / 2
            double cumulative = 0;
            k = 0;
            while (k < pmf.length && cumulative + pmf[(int) k] <= alpha / 2 * (1 + 1e-12)) {
                cumulative += pmf[(int) k];
                k++;
            }
        } else {
            double tieTerm = Ranking.of(Samples.concat(sx, sy)).tieTerm();
            double nn = m + n;
            double sd = Math.sqrt(m * (double) n / 12 * ((nn + 1) - tieTerm / (nn * (nn - 1))));
            double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha / 2);
            k = (long) Math.floor(mn / 2.0 - z * sd);
        }
        if (k < 1) {
            return new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, level);
        }
        return new Interval(orderStatistic(sx, sy, k - 1), orderStatistic(sx, sy, mn - k), level);
    }

    /** Probabilities of U = 0 .. m·n under the no-ties null (rank-sum subsets). */
    static double[] mannWhitneyDistribution(int m, int n) {
        int max = m * n;
        // ways[j][u]: arrangements of j x's among the first t values with U contribution u, scaled
        double[][] ways = new double[m + 1][max + 1];
        ways[0][0] = 1;
        for (int t = 1; t <= m + n; t++) {
            for (int j = Math.min(t, m); j >= 1; j--) {
                // placing an x at position t: it exceeds the (t - j) y's before it
                int ys = t - j;
                if (ys > n) {
                    continue;
                }
                double[] to = ways[j];
                double[] from = ways[j - 1];
                for (int u = max; u >= ys; u--) {
                    to[u] += from[u - ys];
                }
            }
        }
        double[] pmf = ways[m];
        double sum = 0;
        for (double v : pmf) {
            sum += v;
        }
        for (int u = 0; u <= max; u++) {
            pmf[u] /= sum;
        }
        return pmf;
    }

    /**
     * The k-th smallest (0-based) of sx[i] - sy[j], both sorted ascending. Row i ascends with
     * position p = n - 1 - j.
     */
    static double orderStatistic(double[] sx, double[] sy, long k) {
        int m = sx.length;
        int n = sy.length;
        int[] lo = new int[m];
        int[] hi = new int[m];
        Arrays.fill(hi, n);
        int[] less = new int[m];
        int[] atMost = new int[m];
        SplittableRandom random = new SplittableRandom(0x5DEECE66DL ^ k);
        while (true) {
            long candidates = 0;
            long below = 0;
            for (int i = 0; i < m; i++) {
                candidates += hi[i] - lo[i];
                below += lo[i];
            }
            if (candidates <= Math.max(64, m + n)) {
                double[] pool = new double[(int) candidates];
                int c = 0;
                for (int i = 0; i < m; i++) {
                    for (int p = lo[i]; p < hi[i]; p++) {
                        pool[c++] = sx[i] - sy[n - 1 - p];
                    }
                }
                Arrays.sort(pool);
                return pool[(int) (k - below)];
            }
            long pick = random.nextLong(candidates);
            double pivot = Double.NaN;
            for (int i = 0; i < m; i++) {
                int width = hi[i] - lo[i];
                if (pick < width) {
                    pivot = sx[i] - sy[n - 1 - (lo[i] + (int) pick)];
                    break;
                }
                pick -= width;
            }
            long totalLess = countBelow(sx, sy, pivot, false, less);
            long totalAtMost = countBelow(sx, sy, pivot, true, atMost);
            if (k < totalLess) {
                for (int i = 0; i < m; i++) {
                    hi[i] = Math.min(hi[i], less[i]);
                }
            } else if (k >= totalAtMost) {
                for (int i = 0; i < m; i++) {
                    lo[i] = Math.max(lo[i], atMost[i]);
                }
            } else {
                return pivot;
            }
        }
    }

    /**
     * For every row, how many differences are below the pivot (or at most the pivot). The
     * computed differences are compared, so the counts agree with sorting them explicitly.
     */
    private static long countBelow(double[] sx, double[] sy, double pivot, boolean inclusive, int[] counts) {
        int n = sy.length;
        int j = 0;
        long total = 0;
        for (int i = 0; i < sx.length; i++) {
            // differences in row i fall as j rises; find the first j whose difference is inside
            while (j < n && !(inclusive ? sx[i] - sy[j] <= pivot : sx[i] - sy[j] < pivot)) {
                j++;
            }
            counts[i] = n - j;
            total += n - j;
        }
        return total;
    }
}
