package io.crystallize.stats;

import java.util.List;
import java.util.Locale;

/**
 * Wilcoxon signed-rank test on differences d (or paired x - y), as SciPy's {@code wilcoxon}.
 *
 * <p>Statistic: two-sided, the smaller of W+ and W-; one-sided, W+. The asymptotic p-value is
 * normal with tie-corrected variance (continuity correction optional, off by default as in SciPy);
 * the exact one uses the no-ties distribution of W+, rounding a non-integral W+ conservatively.
 * {@link RankMethod#AUTO} follows SciPy: more than 50 differences → asymptotic; no ties and no
 * zeros → exact; otherwise, up to 13 differences, the exact conditional distribution over all
 * 2^n sign flips (SciPy's deterministic permutation test); beyond that asymptotic.
 */
public final class WilcoxonSignedRank {

    private static final int AUTO_EXACT_LIMIT = 50;
    private static final int SIGN_FLIP_LIMIT = 13;

    private WilcoxonSignedRank() {
    }

    /** SciPy's defaults: zero method wilcox, automatic method, no continuity correction. */
    public static TestResult test(double[] d, Alternative alternative) {
        return test(d, alternative, ZeroMethod.WILCOX, RankMethod.AUTO, false);
    }

    /** Signed-rank test on x[i] - y[i]. */
    public static TestResult paired(double[] x, double[] y, Alternative alternative, ZeroMethod zeroMethod,
            RankMethod method, boolean continuity) {
        Samples.requireSameLength(x, y);
        TestResult r = test(Samples.differences(x, y), alternative, zeroMethod, method, continuity);
        return new TestResult(r.test(), r.method(), r.alternative(), r.statistic(), r.pValue(),
                r.degreesOfFreedom(), List.of(x.length, y.length), null);
    }

    public static TestResult test(double[] differences, Alternative alternative, ZeroMethod zeroMethod,
            RankMethod method, boolean continuity) {
        Samples.requireAtLeast(differences, 1, "differences");
        Samples.requireFinite(differences, "differences");
        double[] d = Samples.withoutSignedZeros(differences);
        int zeros = 0;
        for (double v : d) {
            if (v == 0) {
                zeros++;
            }
        }
        double[] used = d;
        if (zeroMethod == ZeroMethod.WILCOX) {
            used = new double[d.length - zeros];
            int k = 0;
            for (double v : d) {
                if (v != 0) {
                    used[k++] = v;
                }
            }
        }
        int count = used.length;
        if (count == 0) {
            throw new IllegalArgumentException("all differences are zero");
        }
        double[] abs = new double[count];
        for (int i = 0; i < count; i++) {
            abs[i] = Math.abs(used[i]);
        }
        Ranking ranking = Ranking.of(abs);
        double[] r = ranking.ranks;
        double rPlus = 0;
        double rMinus = 0;
        double rZero = 0;
        for (int i = 0; i < count; i++) {
            if (used[i] > 0) {
                rPlus += r[i];
            } else if (used[i] < 0) {
                rMinus += r[i];
            } else {
                rZero += r[i];
            }
        }
        if (zeroMethod == ZeroMethod.ZSPLIT) {
            rPlus += rZero / 2;
            rMinus += rZero / 2;
        }
        boolean ties = ranking.hasTies();
        RankMethod chosen = method;
        boolean signFlips = false;
        if (method == RankMethod.AUTO) {
            if (d.length > AUTO_EXACT_LIMIT) {
                chosen = RankMethod.ASYMPTOTIC;
            } else if (!ties && zeros == 0) {
                chosen = RankMethod.EXACT;
            } else if (d.length <= SIGN_FLIP_LIMIT) {
                chosen = RankMethod.EXACT;
                signFlips = true;
            } else {
                chosen = RankMethod.ASYMPTOTIC;
            }
        }

        double p;
        TestMethod m;
        String zeroText = zeroMethod.name().toLowerCase(Locale.ROOT)
                + (zeros > 0 ? " (" + zeros + " zero difference" + (zeros > 1 ? "s" : "") + ")" : " (no zeros)");
        if (chosen == RankMethod.ASYMPTOTIC) {
            double n = count;
            double mean = n * (n + 1) / 4;
            double var = n * (n + 1) * (2 * n + 1);
            double tieTerm = ranking.tieTerm();
            if (zeroMethod == ZeroMethod.PRATT && zeros > 0) {
                double z0 = zeros;
                mean -= z0 * (z0 + 1) / 4;
                var -= z0 * (z0 + 1) * (2 * z0 + 1);
                // zeros are the lowest |d| group: keep them out of the tie term
                tieTerm -= z0 * z0 * z0 - z0;
            }
            double se = Math.sqrt((var - tieTerm / 2) / 24);
            double z = (rPlus - mean) / se;
            if (continuity) {
                double sign = switch (alternative) {
                    case GREATER -> 1;
                    case LESS -> -1;
                    case TWO_SIDED -> Math.signum(z);
                };
                z -= sign * 0.5 / se;
            }
            p = Quantiles.normalPValue(z, alternative);
            m = new TestMethod(Computation.ASYMPTOTIC, continuity, "mid-ranks, tie-corrected variance", zeroText,
                    "Wilcoxon signed-rank, asymptotic normal, tie-corrected variance, "
                            + (continuity ? "continuity correction" : "no continuity correction")
                            + ", zero method " + zeroText);
        } else if (signFlips) {
            p = signFlipPValue(used, r, rPlus, zeroMethod == ZeroMethod.ZSPLIT ? rZero / 2 : 0, alternative);
            m = new TestMethod(Computation.EXACT, false, "mid-ranks, exact conditional distribution", zeroText,
                    "Wilcoxon signed-rank, exact over all " + (1L << countNonZero(used))
                            + " sign flips (conditional on ties and zeros), zero method " + zeroText);
        } else {
            double[] pmf = exactDistribution(count);
            p = switch (alternative) {
                case LESS -> lowerTail(pmf, Math.ceil(rPlus));
                case GREATER -> upperTail(pmf, Math.floor(rPlus));
                case TWO_SIDED -> Math.min(1.0, 2 * Math.min(upperTail(pmf, Math.floor(rPlus)),
                        lowerTail(pmf, Math.ceil(rPlus))));
            };
            boolean conservative = ties || zeros > 0;
            m = new TestMethod(Computation.EXACT, false,
                    conservative ? "no-ties distribution, statistic rounded conservatively" : "no ties",
                    zeroText, "Wilcoxon signed-rank, exact null distribution"
                            + (conservative ? " without ties (conservative)" : "") + ", zero method " + zeroText);
        }
        double statistic = alternative == Alternative.TWO_SIDED ? Math.min(rPlus, rMinus) : rPlus;
        return new TestResult("Wilcoxon signed-rank", m, alternative, statistic, p, Double.NaN,
                List.of(differences.length), null);
    }

    /** Probabilities of W+ = 0 .. n(n+1)/2 without ties. */
    static double[] exactDistribution(int n) {
        int max = n * (n + 1) / 2;
        double[] p = new double[max + 1];
        p[0] = 1;
        int reach = 0;
        for (int k = 1; k <= n; k++) {
            reach += k;
            // halving at every step keeps the values probabilities (no overflow for large n)
            for (int s = reach; s >= 0; s--) {
                p[s] = 0.5 * (p[s] + (s >= k ? p[s - k] : 0));
            }
        }
        return p;
    }

    private static double upperTail(double[] pmf, double from) {
        int start = (int) Math.max(0, from);
        double s = 0;
        for (int i = pmf.length - 1; i >= start; i--) {
            s += pmf[i];
        }
        return Math.min(1.0, s);
    }

    private static double lowerTail(double[] pmf, double to) {
        int end = (int) Math.min(pmf.length - 1, to);
        double s = 0;
        for (int i = 0; i <= end; i++) {
            s += pmf[i];
        }
        return Math.min(1.0, s);
    }

    private static int countNonZero(double[] d) {
        int c = 0;
        for (double v : d) {
            if (v != 0) {
                c++;
            }
        }
        return c;
    }

    /** Exact p-value of W+ over all sign flips of the non-zero differences (SciPy's permutation test). */
    private static double signFlipPValue(double[] d, double[] ranks, double observed, double zeroShare,
            Alternative alternative) {
        int k = countNonZero(d);
        double[] nonZeroRanks = new double[k];
        int j = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 0) {
                nonZeroRanks[j++] = ranks[i];
            }
        }
        double gamma = Math.abs(observed) * 100 * Math.ulp(1.0);
        long total = 1L << k;
        long atLeast = 0;
        long atMost = 0;
        for (long mask = 0; mask < total; mask++) {
            double w = zeroShare;
            for (int i = 0; i < k; i++) {
                if ((mask & (1L << i)) != 0) {
                    w += nonZeroRanks[i];
                }
            }
            if (w >= observed - gamma) {
                atLeast++;
            }
            if (w <= observed + gamma) {
                atMost++;
            }
        }
        double pGreater = (double) atLeast / total;
        double pLess = (double) atMost / total;
        return switch (alternative) {
            case GREATER -> pGreater;
            case LESS -> pLess;
            case TWO_SIDED -> Math.min(1.0, 2 * Math.min(pGreater, pLess));
        };
    }
}
