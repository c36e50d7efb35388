package io.crystallize.stats;

import java.util.List;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Exact binomial test of k successes in n trials against success probability p, as SciPy's
 * {@code binomtest}. The statistic is k/n. The two-sided p-value sums the outcomes no more likely
 * than the observed one, comparing probabilities with relative tolerance 1 + 1e-7 (SciPy and R), so
 * mirror-image outcomes whose probabilities differ only by rounding are both counted — k = 60,
 * n = 100, p = 0.5 gives 0.0569.
 */
public final class Binomial {

    private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

    private Binomial() {
    }

    public static TestResult test(int k, int n, double p, Alternative alternative) {
        if (n < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n and n >= 1: k=" + k + ", n=" + n);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must lie in [0, 1]: " + p);
        }
        BinomialDistribution b = BinomialDistribution.of(n, p);
        double pValue = switch (alternative) {
            case LESS -> b.cumulativeProbability(k);
            case GREATER -> b.survivalProbability(k - 1);
            case TWO_SIDED -> twoSided(b, k, n, p);
        };
        TestMethod method = TestMethod.parametric(Computation.EXACT,
                "exact binomial test" + (alternative == Alternative.TWO_SIDED
                        ? " (two-sided: outcomes no more likely than observed, relative tolerance 1e-7)" : ""));
        return new TestResult("binomial", method, alternative, (double) k / n, Math.min(1.0, pValue), Double.NaN,
                List.of(n), null);
    }

    private static double twoSided(BinomialDistribution b, int k, int n, double p) {
        double expected = p * n;
        if (k == expected) {
            return 1.0;
        }
        double threshold = b.probability(k) * RELATIVE_TOLERANCE;
        if (k < expected) {
            int first = ContingencyTests.firstAtMost(b::probability, threshold, (int) Math.ceil(expected), n, true);
            return b.cumulativeProbability(k) + (first > n ? 0 : b.survivalProbability(first - 1));
        }
        int last = ContingencyTests.firstAtMost(b::probability, threshold, 0, (int) Math.floor(expected), false);
        return (last < 0 ? 0 : b.cumulativeProbability(last)) + b.survivalProbability(k - 1);
    }
}
