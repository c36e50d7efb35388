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
        double half = TDistribution.of(n - 1).inverseSurvivalProbability(0.025) * Math.sqrt(squares / (n - 1) / n);
        return new Moments(n, mean, mean - half, mean + half);
    }
}
