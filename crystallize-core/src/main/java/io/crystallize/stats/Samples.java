package io.crystallize.stats;

import java.util.Arrays;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;

/** Small descriptive kernels shared by the tests. */
final class Samples {

    private Samples() {
    }

    static double mean(double[] x) {
        return Mean.of(x).getAsDouble();
    }

    /** Unbiased variance (n - 1 denominator). */
    static double variance(double[] x) {
        return Variance.of(x).getAsDouble();
    }

    static double[] differences(double[] x, double[] y) {
        requireSameLength(x, y);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        return d;
    }

    /** Sample covariance (n - 1 denominator) of paired values. */
    static double covariance(double[] x, double[] y) {
        requireSameLength(x, y);
        double mx = mean(x);
        double my = mean(y);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (x.length - 1);
    }

    /** A copy with {@code -0.0} replaced by {@code 0.0}, so that the two are ties (SciPy's semantics). */
    static double[] withoutSignedZeros(double[] x) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i] + 0.0;
        }
        return c;
    }

    static double[] sortedCopy(double[] x) {
        double[] c = withoutSignedZeros(x);
        Arrays.sort(c);
        return c;
    }

    static void requireSameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "paired samples differ in length: " + x.length + " vs " + y.length);
        }
    }

    static void requireAtLeast(double[] x, int n, String name) {
        if (x.length < n) {
            throw new IllegalArgumentException(name + " needs at least " + n + " values, got " + x.length);
        }
    }

    static void requireFinite(double[] x, String name) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " holds a non-finite value: " + v);
            }
        }
    }

    static double[] concat(double[] x, double[] y) {
        double[] all = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        return all;
    }
}
