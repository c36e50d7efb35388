package io.crystallize.stats;

import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Tests on contingency tables of counts (e.g. successes and failures per condition), as SciPy's
 * {@code fisher_exact} and {@code chi2_contingency}. Tables are {@code long[rows][columns]}.
 */
public final class ContingencyTests {

    private static final double FISHER_RELATIVE_TOLERANCE = 1e-14;

    private ContingencyTests() {
    }

    /**
     * Fisher's exact test on a 2x2 table [[a, b], [c, d]]. The statistic is the sample odds ratio
     * ad/(bc): infinite when bc = 0, NaN (with p = 1) when a row or column is empty. GREATER means
     * the odds ratio exceeds 1. The two-sided p-value sums the tables no more likely than the observed
     * one, comparing probabilities with relative tolerance 1e-14 (SciPy).
     */
    public static TestResult fisherExact(long[][] table, Alternative alternative) {
        check(table, 2, 2);
        long a = table[0][0];
        long b = table[0][1];
        long c = table[1][0];
        long d = table[1][1];
        List<Integer> sizes = List.of((int) (a + b), (int) (c + d));
        TestMethod method = new TestMethod(Computation.EXACT, false, TestMethod.NOT_APPLICABLE,
                TestMethod.NOT_APPLICABLE, "Fisher exact test (hypergeometric, conditional on margins)");
        if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) {
            return new TestResult("Fisher exact", method, alternative, Double.NaN, 1.0, Double.NaN, sizes, null);
        }
        double oddsRatio = c > 0 && b > 0 ? ((double) a * d) / ((double) c * b) : Double.POSITIVE_INFINITY;
        int n1 = (int) (a + b);
        int total = (int) (a + b + c + d);
        int draws = (int) (a + c);
        HypergeometricDistribution h = HypergeometricDistribution.of(total, n1, draws);
        int x = (int) a;
        double p = switch (alternative) {
            case LESS -> h.cumulativeProbability(x);
            case GREATER -> h.survivalProbability(x - 1);
            case TWO_SIDED -> twoSidedFisher(h, x, (int) ((draws + 1.0) * (n1 + 1.0) / (total + 2.0)));
        };
        return new TestResult("Fisher exact", method, alternative, oddsRatio, Math.min(1.0, p), Double.NaN,
                sizes, null);
    }

    private static double twoSidedFisher(HypergeometricDistribution h, int x, int mode) {
        double pExact = h.probability(x);
        double pMode = h.probability(mode);
        if (Math.abs(pExact - pMode) / Math.max(pExact, pMode) <= FISHER_RELATIVE_TOLERANCE) {
            return 1.0;
        }
        double threshold = pExact * (1 + FISHER_RELATIVE_TOLERANCE);
        int lo = h.getSupportLowerBound();
        int hi = h.getSupportUpperBound();
        if (x < mode) {
            int first = firstAtMost(h::probability, threshold, mode, hi, true);
            return h.cumulativeProbability(x) + (first > hi ? 0 : h.survivalProbability(first - 1));
        }
        int last = firstAtMost(h::probability, threshold, lo, mode, false);
        return h.survivalProbability(x - 1) + (last < lo ? 0 : h.cumulativeProbability(last));
    }

    /**
     * On [from, to] where pmf is monotone away from the mode: if {@code upward}, the smallest
     * k in [from, to] with pmf(k) <= threshold (to + 1 if none), pmf decreasing in k; else the
     * largest k with pmf(k) <= threshold (from - 1 if none), pmf increasing in k.
     */
    static int firstAtMost(IntToDoubleFunction pmf, double threshold, int from, int to, boolean upward) {
        int lo = from;
        int hi = to;
        if (upward) {
            if (pmf.applyAsDouble(to) > threshold) {
                return to + 1;
            }
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (pmf.applyAsDouble(mid) <= threshold) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
        if (pmf.applyAsDouble(from) > threshold) {
            return from - 1;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (pmf.applyAsDouble(mid) <= threshold) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Pearson chi-square test of independence; with {@code yates} and one degree of freedom (2x2),
     * each |O - E| shrinks by min(0.5, |O - E|) (SciPy's {@code correction}). Degrees of freedom
     * (r - 1)(c - 1); with none, statistic 0 and p = 1.
     */
    public static TestResult chiSquare(long[][] table, boolean yates) {
        return divergence(table, yates, false);
    }

    /** G-test (log-likelihood ratio) of independence, same conventions as {@link #chiSquare}. */
    public static TestResult gTest(long[][] table, boolean yates) {
        return divergence(table, yates, true);
    }

    private static TestResult divergence(long[][] table, boolean yates, boolean logLikelihood) {
        check(table, 1, 1);
        int rows = table.length;
        int cols = table[0].length;
        double[] rowSums = new double[rows];
        double[] colSums = new double[cols];
        double total = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                rowSums[i] += table[i][j];
                colSums[j] += table[i][j];
                total += table[i][j];
            }
        }
        int df = (rows - 1) * (cols - 1);
        boolean corrected = yates && df == 1;
        double statistic = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double expected = rowSums[i] * colSums[j] / total;
                if (expected == 0) {
                    throw new IllegalArgumentException("a row or column of the table is all zero");
                }
                double observed = table[i][j];
                if (corrected) {
                    double diff = expected - observed;
                    observed += Math.signum(diff) * Math.min(0.5, Math.abs(diff));
                }
                if (logLikelihood) {
                    statistic += observed == 0 ? 0 : 2 * observed * Math.log(observed / expected);
                } else {
                    double diff = observed - expected;
                    statistic += diff * diff / expected;
                }
            }
        }
        double p = df == 0 ? 1.0 : ChiSquaredDistribution.of(df).survivalProbability(statistic);
        if (df == 0) {
            statistic = 0;
        }
        String name = logLikelihood ? "G-test of independence" : "chi-square test of independence";
        TestMethod method = new TestMethod(Computation.ASYMPTOTIC, corrected, TestMethod.NOT_APPLICABLE,
                TestMethod.NOT_APPLICABLE, name + ", asymptotic chi-square with " + df + " df"
                        + (corrected ? ", Yates continuity correction" : ", no continuity correction"));
        Integer[] sizes = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            sizes[i] = (int) rowSums[i];
        }
        return new TestResult(name, method, Alternative.TWO_SIDED, statistic, p, df, List.of(sizes), null);
    }

    private static void check(long[][] table, int minRows, int minCols) {
        if (table.length < minRows || table[0].length < minCols) {
            throw new IllegalArgumentException("table too small");
        }
        if (minRows == 2 && minCols == 2 && (table.length != 2 || table[0].length != 2 || table[1].length != 2)) {
            throw new IllegalArgumentException("Fisher's exact test needs a 2x2 table");
        }
        for (long[] row : table) {
            if (row.length != table[0].length) {
                throw new IllegalArgumentException("ragged table");
            }
            for (long v : row) {
                if (v < 0) {
                    throw new IllegalArgumentException("negative count: " + v);
                }
            }
        }
    }
}
