package io.crystallize.stats;

/**
 * Effect sizes: difference of means (absolute and relative %) with CIs, Cohen's d with the pooled
 * SD, Hedges' g = d (1 - 3 / (4 (n1 + n2) - 9)), d_z for paired samples (mean difference / SD of
 * the differences), and rank-biserial correlations. All are about x relative to y.
 */
public final class EffectSizes {

    private static final double LEVEL = 0.95;

    private EffectSizes() {
    }

    /** Independent samples: Welch CI of the difference; delta-method CI of the relative %. */
    public static MeanDifference meanDifference(double[] x, double[] y) {
        return IndependentMeans.of(x, y).meanDifference();
    }

    /** Paired samples: paired-t CI of the mean difference; the relative % CI includes the covariance of the means. */
    public static MeanDifference pairedMeanDifference(double[] x, double[] y) {
        return PairedMeans.of(x, y).meanDifference();
    }

    /**
     * The difference of means with its CI, and the relative % with the delta-method CI at the
     * same t quantile.
     */
    static MeanDifference meanDifference(double mx, double my, Interval ci, double varMx, double varMy,
            double covMeans, double quantile, boolean paired) {
        double relative = my == 0 ? Double.NaN : 100 * (mx - my) / my;
        Interval relativeCi;
        if (my == 0) {
            relativeCi = new Interval(Double.NaN, Double.NaN, LEVEL);
        } else {
            double ratio = mx / my;
            double varRatio = (varMx - 2 * ratio * covMeans + ratio * ratio * varMy) / (my * my);
            double se = 100 * Math.sqrt(Math.max(0, varRatio));
            relativeCi = new Interval(relative - quantile * se, relative + quantile * se, LEVEL);
        }
        return new MeanDifference(mx, my, mx - my, relative, ci, relativeCi, paired);
    }

    /** Cohen's d of x minus y with the pooled standard deviation. */
    public static double cohensD(double[] x, double[] y) {
        Samples.requireAtLeast(x, 2, "x");
        Samples.requireAtLeast(y, 2, "y");
        return cohensD(Samples.mean(x), Samples.variance(x), x.length, Samples.mean(y), Samples.variance(y), y.length);
    }

    private static double cohensD(double mx, double vx, int n1, double my, double vy, int n2) {
        double pooled = ((n1 - 1) * vx + (n2 - 1) * vy) / (n1 + n2 - 2.0);
        return (mx - my) / Math.sqrt(pooled);
    }

    /** Hedges' g: Cohen's d with the small-sample correction 1 - 3 / (4 (n1 + n2) - 9). */
    public static double hedgesG(double[] x, double[] y) {
        return cohensD(x, y) * smallSampleCorrection(x.length, y.length);
    }

    static double hedgesG(double mx, double vx, int n1, double my, double vy, int n2) {
        return cohensD(mx, vx, n1, my, vy, n2) * smallSampleCorrection(n1, n2);
    }

    private static double smallSampleCorrection(int n1, int n2) {
        return 1 - 3.0 / (4.0 * (n1 + n2) - 9);
    }

    /** d_z: mean of x - y divided by the standard deviation of x - y. */
    public static double dz(double[] x, double[] y) {
        double[] d = Samples.differences(x, y);
        Samples.requireAtLeast(d, 2, "pairs");
        return Samples.mean(d) / Math.sqrt(Samples.variance(d));
    }

    /** Rank-biserial correlation (U_x - U_y) / (n1 n2) in [-1, 1]: positive when x tends to be larger. */
    public static double rankBiserial(double[] x, double[] y) {
        double u = MannWhitney.uOfX(Ranking.of(Samples.concat(x, y)).ranks, x.length);
        double nn = (double) x.length * y.length;
        return 2 * u / nn - 1;
    }

    /** Matched-pairs rank-biserial (W+ - W-) / (W+ + W-) on x - y, zero differences dropped. */
    public static double matchedPairsRankBiserial(double[] x, double[] y) {
        double[] d = Samples.withoutSignedZeros(Samples.differences(x, y));
        int k = 0;
        for (double v : d) {
            if (v != 0) {
                k++;
            }
        }
        double[] abs = new double[k];
        double[] sign = new double[k];
        int i = 0;
        for (double v : d) {
            if (v != 0) {
                abs[i] = Math.abs(v);
                sign[i++] = Math.signum(v);
            }
        }
        if (k == 0) {
            return 0;
        }
        double[] r = Ranking.of(abs).ranks;
        double plus = 0;
        double minus = 0;
        for (int j = 0; j < k; j++) {
            if (sign[j] > 0) {
                plus += r[j];
            } else {
                minus += r[j];
            }
        }
        return (plus - minus) / (plus + minus);
    }
}
