package io.crystallize.report;

import io.crystallize.base.MetricSeries;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The mean of a metric's finite values and its two-sided 95% confidence interval (Student's t,
 * n − 1 degrees of freedom); the interval is NaN below two values.
 */
record Moments(int n, double mean, double ciLow, double ciHigh) {

    static Moments of(MetricSeries series) {
        int n = 0;
        double sum = 0;
        for (int i = 0; i < series.size(); i++) {
            double v = series.value(i);
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Moments(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n < 2) {
            return new Moments(n, mean, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (int i = 0; i < series.size(); i++) {
            double v = series.value(i);
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double half = t975(n - 1) * Math.sqrt(squares / (n - 1) / n);
        return new Moments(n, mean, mean - half, mean + half);
    }

    /** Inverting the t distribution takes a root search: each degree of freedom's quantile is kept. */
    private static final double[] T975 = new double[1024];

    /** The 97.5% quantile of Student's t with {@code df} degrees of freedom. */
    static double t975(int df) {
        if (df >= T975.length) {
            return TDistribution.of(df).inverseSurvivalProbability(0.025);
        }
        double t = T975[df];
        if (t == 0) { // a race only computes one twice
            t = TDistribution.of(df).inverseSurvivalProbability(0.025);
            T975[df] = t;
        }
        return t;
    }
}
