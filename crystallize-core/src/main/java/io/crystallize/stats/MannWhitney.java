package io.crystallize.stats;

import java.util.List;

import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * Mann-Whitney U test as SciPy's {@code mannwhitneyu}: the statistic is U of x (the number of
 * pairs with x_i > y_j, ties counting one half); the exact p-value uses the no-ties null
 * distribution; the asymptotic one is normal with tie-corrected variance and (by default) a
 * continuity correction. {@link RankMethod#AUTO} is SciPy's rule: exact when there are no ties
 * and at least one sample has at most 8 values, otherwise asymptotic. {@code -0.0} and
 * {@code 0.0} are ties. EXACT with ties uses the no-ties distribution at floor(U), as SciPy does
 * (conservative), unless that computation would be very large, when it falls back to ASYMPTOTIC (the
 * result's method says which was used).
 */
public final class MannWhitney {

    private static final int EXACT_LIMIT = 8;
    private static final double TIE_EXACT_COST_LIMIT = 2e9;

    private MannWhitney() {
    }

    /** SciPy's defaults: automatic method, continuity correction on. */
    public static TestResult test(double[] x, double[] y, Alternative alternative) {
        return test(x, y, alternative, RankMethod.AUTO, true);
    }

    /**
     * @param method EXACT is honoured even with ties (then the no-ties distribution is used, as SciPy does)
     * @param continuity continuity correction of the asymptotic p-value
     */
    /**
     * SciPy's normal approximation with the tie-corrected variance, on the ranks already computed
     * (Commons would rank the samples again, which dominates at 10^6 values per side).
     */
    private static double asymptotic(double u, int n1, int n2, double tieTerm, Alternative alternative,
            boolean continuity) {
        double n = (double) n1 + n2;
        double product = (double) n1 * n2;
        double variance = product / 12.0 * ((n + 1) - tieTerm / (n * (n - 1)));
        if (!(variance > 0)) {
            return 1.0; // every value tied: nothing to rank, no evidence either way
        }
        double statistic = switch (alternative) {
            case GREATER -> u;
            case LESS -> product - u;
            case TWO_SIDED -> Math.max(u, product - u);
        };
        double z = (statistic - product / 2 - (continuity ? 0.5 : 0)) / Math.sqrt(variance);
        double p = Quantiles.STANDARD_NORMAL.survivalProbability(z);
        return Math.min(1, alternative == Alternative.TWO_SIDED ? 2 * p : p);
    }

    public static TestResult test(double[] x, double[] y, Alternative alternative, RankMethod method,
            boolean continuity) {
        Samples.requireAtLeast(x, 1, "x");
        Samples.requireAtLeast(y, 1, "y");
        Samples.requireFinite(x, "x");
        Samples.requireFinite(y, "y");
        double[] cx = Samples.withoutSignedZeros(x);
        double[] cy = Samples.withoutSignedZeros(y);
        Ranking ranking = Ranking.of(Samples.concat(cx, cy));
        boolean ties = ranking.hasTies();
        RankMethod chosen = method;
        if (method == RankMethod.AUTO) {
            chosen = (cx.length > EXACT_LIMIT && cy.length > EXACT_LIMIT) || ties
                    ? RankMethod.ASYMPTOTIC : RankMethod.EXACT;
        }
        double u = uOfX(ranking.ranks, cx.length);
        int small = Math.min(cx.length, cy.length);
        double tieDistributionCost = (double) (cx.length + cy.length) * small * cx.length * cy.length;
        if (chosen == RankMethod.EXACT && ties && tieDistributionCost > TIE_EXACT_COST_LIMIT) {
            chosen = RankMethod.ASYMPTOTIC;
        }
        boolean exact = chosen == RankMethod.EXACT;
        double pValue;
        if (exact && ties) {
            // Commons switches to the normal approximation when there are ties; SciPy keeps the
            // no-ties distribution and floors U: P(U >= floor(U)).
            pValue = exactWithTies(u, cx.length, cy.length, alternative);
        } else if (!exact) {
            pValue = asymptotic(u, cx.length, cy.length, ranking.tieTerm(), alternative, continuity);
        } else {
            pValue = MannWhitneyUTest.withDefaults()
                    .with(TTests.toCommons(alternative))
                    .with(exact ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC)
                    .with(continuity ? ContinuityCorrection.ENABLED : ContinuityCorrection.DISABLED)
                    .test(cx, cy).getPValue();
        }
        String description = exact
                ? "Mann-Whitney U, exact null distribution" + (ties ? " without ties (conservative with ties)" : "")
                : "Mann-Whitney U, asymptotic normal, tie-corrected variance"
                        + (continuity ? ", continuity correction" : ", no continuity correction");
        TestMethod m = new TestMethod(exact ? Computation.EXACT : Computation.ASYMPTOTIC,
                !exact && continuity,
                exact ? (ties ? "ties ignored by the exact distribution" : "no ties")
                        : "mid-ranks, tie-corrected variance",
                TestMethod.NOT_APPLICABLE, description);
        return new TestResult("Mann-Whitney U", m, alternative, u, pValue, Double.NaN,
                List.of(x.length, y.length), null);
    }

    private static double exactWithTies(double u1, int n1, int n2, Alternative alternative) {
        double[] pmf = HodgesLehmann.mannWhitneyDistribution(Math.min(n1, n2), Math.max(n1, n2));
        double u2 = (double) n1 * n2 - u1;
        return switch (alternative) {
            case GREATER -> atLeast(pmf, u1);
            case LESS -> atLeast(pmf, u2);
            case TWO_SIDED -> Math.min(1.0, 2 * atLeast(pmf, Math.max(u1, u2)));
        };
    }

    private static double atLeast(double[] pmf, double u) {
        double s = 0;
        for (int k = pmf.length - 1; k >= (int) Math.floor(u); k--) {
            s += pmf[k];
        }
        return Math.min(1.0, s);
    }

    /** U of the first n1 ranked values: R1 - n1(n1 + 1)/2. */
    static double uOfX(double[] ranks, int n1) {
        double r1 = 0;
        for (int i = 0; i < n1; i++) {
            r1 += ranks[i];
        }
        return r1 - n1 * (n1 + 1.0) / 2;
    }
}
