package io.crystallize.stats;

import java.util.List;

/**
 * Two-sample Kolmogorov-Smirnov test as SciPy's {@code ks_2samp}.
 *
 * <p>Direction (inverted with respect to the other tests): {@link Alternative#GREATER} means the
 * empirical CDF of x lies above that of y somewhere, statistic D+ = max(F_x - F_y): x tends to be
 * <em>smaller</em>. {@link Alternative#LESS} uses D- = max(F_y - F_x). A hypothesis "x is larger"
 * therefore maps to {@code LESS} here.
 *
 * <p>The exact p-value P(D >= d) is computed by propagating, over the lattice of merged orderings,
 * the probability of paths that have stayed inside the acceptance band and summing the mass that
 * leaves it, so tiny p-values keep full relative precision. With ties, the no-ties null distribution
 * is used (as SciPy does; conservative). {@link RankMethod#AUTO} is exact when both samples have at
 * most 10,000 values. The asymptotic two-sided p-value uses the limiting Kolmogorov distribution at
 * sqrt(n1 n2 / (n1 + n2)) d (SciPy uses the finite-n Kolmogorov distribution with n rounded: it differs
 * slightly); the one-sided uses SciPy's corrected exponential approximation.
 */
public final class KolmogorovSmirnov {

    private static final int AUTO_EXACT_LIMIT = 10_000;

    private KolmogorovSmirnov() {
    }

    public static TestResult test(double[] x, double[] y, Alternative alternative) {
        return test(x, y, alternative, RankMethod.AUTO);
    }

    public static TestResult test(double[] x, double[] y, Alternative alternative, RankMethod method) {
        Samples.requireAtLeast(x, 1, "x");
        Samples.requireAtLeast(y, 1, "y");
        Samples.requireFinite(x, "x");
        Samples.requireFinite(y, "y");
        double[] sx = Samples.sortedCopy(x);
        double[] sy = Samples.sortedCopy(y);
        int m = sx.length;
        int n = sy.length;
        int g = gcd(m, n);
        long mg = m / g;
        long ng = n / g;
        long lcm = (long) m * ng;
        // D in units of 1/lcm, evaluated after each block of equal values only
        long maxPlus = 0;
        long maxMinus = 0;
        int i = 0;
        int j = 0;
        while (i < m || j < n) {
            double v = i < m && (j >= n || sx[i] <= sy[j]) ? sx[i] : sy[j];
            while (i < m && sx[i] == v) {
                i++;
            }
            while (j < n && sy[j] == v) {
                j++;
            }
            long diff = i * ng - j * mg;
            maxPlus = Math.max(maxPlus, diff);
            maxMinus = Math.max(maxMinus, -diff);
        }
        long h = switch (alternative) {
            case GREATER -> maxPlus;
            case LESS -> maxMinus;
            case TWO_SIDED -> Math.max(maxPlus, maxMinus);
        };
        double d = (double) h / lcm;
        boolean exact = method == RankMethod.EXACT
                || (method == RankMethod.AUTO && Math.max(m, n) <= AUTO_EXACT_LIMIT);
        double p;
        if (h == 0) {
            p = 1.0;
        } else if (exact) {
            p = exitProbability(m, n, mg, ng, h, alternative);
        } else {
            p = asymptotic(m, n, d, alternative);
        }
        boolean ties = Ranking.of(Samples.concat(sx, sy)).hasTies();
        TestMethod tm = new TestMethod(exact ? Computation.EXACT : Computation.ASYMPTOTIC, false,
                ties ? "ties: no-ties null distribution (conservative)" : "no ties",
                TestMethod.NOT_APPLICABLE,
                "two-sample Kolmogorov-Smirnov, " + (exact ? "exact" : "asymptotic")
                        + (alternative == Alternative.TWO_SIDED ? ", D = max|F_x - F_y|"
                        : alternative == Alternative.GREATER ? ", D+ = max(F_x - F_y) (x stochastically smaller)"
                        : ", D- = max(F_y - F_x) (x stochastically larger)"));
        return new TestResult("Kolmogorov-Smirnov", tm, alternative, d, Math.min(1.0, Math.max(0.0, p)),
                Double.NaN, List.of(m, n), null);
    }

    /**
     * Probability that a uniformly random merge of m x's and n y's reaches the region where the
     * scaled ECDF difference i*ng - j*mg is at least h (in the direction of the alternative).
     */
    static double exitProbability(int m, int n, long mg, long ng, long h, Alternative alternative) {
        double[] row = new double[n + 1];
        double exit = 0;
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                double mass;
                if (i == 0 && j == 0) {
                    mass = 1;
                } else {
                    double remaining = m + n - i - j + 1.0;
                    mass = 0;
                    if (i > 0) {
                        mass += row[j] * ((m - i + 1) / remaining);
                    }
                    if (j > 0) {
                        mass += row[j - 1] * ((n - j + 1) / remaining);
                    }
                }
                long v = i * ng - j * mg;
                boolean outside = switch (alternative) {
                    case GREATER -> v >= h;
                    case LESS -> -v >= h;
                    case TWO_SIDED -> Math.abs(v) >= h;
                };
                if (outside) {
                    exit += mass;
                    row[j] = 0;
                } else {
                    row[j] = mass;
                }
            }
        }
        return exit;
    }

    private static double asymptotic(int n1, int n2, double d, Alternative alternative) {
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = m * n / (m + n);
        double z = Math.sqrt(en) * d;
        if (alternative == Alternative.TWO_SIDED) {
            return kolmogorovSurvival(z);
        }
        double exponent = -2 * z * z - 2 * z * (m + 2 * n) / Math.sqrt(m * n * (m + n)) / 3.0;
        return Math.exp(exponent);
    }

    /** P(K > z) for the limiting Kolmogorov distribution. */
    static double kolmogorovSurvival(double z) {
        if (z <= 0) {
            return 1;
        }
        if (z < 1) {
            // the alternating series converges slowly here: use the theta-function form of the CDF
            double s = 0;
            double c = Math.PI * Math.PI / (8 * z * z);
            for (int k = 1; k <= 50; k += 2) {
                s += Math.exp(-k * k * c);
            }
            return 1 - Math.sqrt(2 * Math.PI) / z * s;
        }
        double s = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * z * z);
            s += (k % 2 == 1 ? term : -term);
            if (term < 1e-300) {
                break;
            }
        }
        return Math.min(1, 2 * s);
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
