package io.crystallize.stats;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Two-sample permutation test for any statistic of (x, y). When the number of splits C(N, n1) is
 * at most the exact limit (default 100,000) every split of the pooled values is enumerated and
 * the p-value is exact (count / C(N, n1)); otherwise B seeded random splits give
 * p = (k + 1) / (B + 1) per side, never 0. Two-sided p = min(1, 2 × the smaller one-sided p).
 * Permuted statistics within 100·ε·|t| of the observed t count as equal (SciPy's tolerance).
 * Monte Carlo results depend only on the seed.
 */
public final class PermutationTest {

    public static final long DEFAULT_EXACT_LIMIT = 100_000;
    public static final int DEFAULT_RESAMPLES = 9_999;

    private PermutationTest() {
    }

    /** Difference of means with the default exact limit and resamples. */
    public static TestResult meanDifference(double[] x, double[] y, Alternative alternative, long seed) {
        return test(x, y, TwoSampleStatistic.meanDifference(), alternative, DEFAULT_RESAMPLES, seed,
                DEFAULT_EXACT_LIMIT);
    }

    public static TestResult test(double[] x, double[] y, TwoSampleStatistic statistic, Alternative alternative,
            int resamples, long seed) {
        return test(x, y, statistic, alternative, resamples, seed, DEFAULT_EXACT_LIMIT);
    }

    public static TestResult test(double[] x, double[] y, TwoSampleStatistic statistic, Alternative alternative,
            int resamples, long seed, long exactLimit) {
        Samples.requireAtLeast(x, 1, "x");
        Samples.requireAtLeast(y, 1, "y");
        double splits = binomial(x.length + y.length, x.length);
        if (splits <= exactLimit) {
            return exact(x, y, statistic, alternative);
        }
        return monteCarlo(x, y, statistic, alternative, resamples, seed);
    }

    /** Enumerates all C(N, n1) splits. */
    public static TestResult exact(double[] x, double[] y, TwoSampleStatistic statistic, Alternative alternative) {
        double[] pooled = Samples.concat(x, y);
        int n1 = x.length;
        int total = pooled.length;
        double observed = statistic.apply(x.clone(), y.clone());
        double gamma = tolerance(observed);
        int[] chosen = new int[n1];
        for (int i = 0; i < n1; i++) {
            chosen[i] = i;
        }
        double[] px = new double[n1];
        double[] py = new double[total - n1];
        long count = 0;
        long atLeast = 0;
        long atMost = 0;
        while (true) {
            split(pooled, chosen, px, py);
            double t = statistic.apply(px, py);
            count++;
            if (t >= observed - gamma) {
                atLeast++;
            }
            if (t <= observed + gamma) {
                atMost++;
            }
            // next combination in lexicographic order
            int i = n1 - 1;
            while (i >= 0 && chosen[i] == total - n1 + i) {
                i--;
            }
            if (i < 0) {
                break;
            }
            chosen[i]++;
            for (int j = i + 1; j < n1; j++) {
                chosen[j] = chosen[j - 1] + 1;
            }
        }
        double p = combine((double) atLeast / count, (double) atMost / count, alternative);
        TestMethod method = new TestMethod(Computation.EXACT, false, "ties count as at least as extreme",
                TestMethod.NOT_APPLICABLE, "permutation test, exact over all " + count + " splits");
        return new TestResult("permutation", method, alternative, observed, p, Double.NaN,
                List.of(x.length, y.length), null);
    }

    /** B random splits, each from its own generator derived from {@code seed} and the resample index. */
    public static TestResult monteCarlo(double[] x, double[] y, TwoSampleStatistic statistic,
            Alternative alternative, int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive: " + resamples);
        }
        double[] pooled = Samples.concat(x, y);
        int n1 = x.length;
        double observed = statistic.apply(x.clone(), y.clone());
        double gamma = tolerance(observed);
        double[] work = new double[pooled.length];
        double[] px = new double[n1];
        double[] py = new double[pooled.length - n1];
        long atLeast = 0;
        long atMost = 0;
        for (int b = 0; b < resamples; b++) {
            RandomGenerator random = SeededStreams.forIndex(seed, b);
            System.arraycopy(pooled, 0, work, 0, pooled.length);
            // partial Fisher-Yates: the first n1 positions become a uniform random subset
            for (int i = 0; i < n1; i++) {
                int j = i + random.nextInt(work.length - i);
                double tmp = work[i];
                work[i] = work[j];
                work[j] = tmp;
            }
            System.arraycopy(work, 0, px, 0, n1);
            System.arraycopy(work, n1, py, 0, py.length);
            double t = statistic.apply(px, py);
            if (t >= observed - gamma) {
                atLeast++;
            }
            if (t <= observed + gamma) {
                atMost++;
            }
        }
        double p = combine((atLeast + 1.0) / (resamples + 1.0), (atMost + 1.0) / (resamples + 1.0), alternative);
        TestMethod method = new TestMethod(Computation.MONTE_CARLO, false, "ties count as at least as extreme",
                TestMethod.NOT_APPLICABLE, "permutation test, Monte Carlo with " + resamples
                        + " random splits, p = (k + 1) / (B + 1), seed " + seed);
        return new TestResult("permutation", method, alternative, observed, p, Double.NaN,
                List.of(x.length, y.length), null);
    }

    private static void split(double[] pooled, int[] chosen, double[] px, double[] py) {
        int c = 0;
        int o = 0;
        for (int i = 0; i < pooled.length; i++) {
            if (c < chosen.length && chosen[c] == i) {
                px[c++] = pooled[i];
            } else {
                py[o++] = pooled[i];
            }
        }
    }

    private static double tolerance(double observed) {
        return Math.abs(observed) * 100 * Math.ulp(1.0);
    }

    private static double combine(double pGreater, double pLess, Alternative alternative) {
        return switch (alternative) {
            case GREATER -> pGreater;
            case LESS -> pLess;
            case TWO_SIDED -> Math.min(1.0, 2 * Math.min(pGreater, pLess));
        };
    }

    /** C(n, k) as a double (may be approximate when huge; only compared against a limit). */
    static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
