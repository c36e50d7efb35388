package io.crystallize.report;

import java.util.Arrays;

/**
 * The values of one metric in one condition (or the paired differences of a treatment): exact
 * summary statistics for the tables, and at most {@link #POINTS} of its quantiles for plotting.
 * Non-finite values are counted and left out of both.
 *
 * @param n           finite values
 * @param nonFinite   NaN and infinite values left out
 * @param sample      evenly spaced order statistics (minimum and maximum included), ascending
 * @param whiskerLow  the smallest value at least Q1 − 1.5 IQR (Tukey's whisker)
 * @param whiskerHigh the largest value at most Q3 + 1.5 IQR
 */
record Distribution(int n, int nonFinite, double mean, double sd, double min, double q1, double median, double q3,
        double max, double whiskerLow, double whiskerHigh, double[] sample) {

    /** Plotted points per distribution: enough to show its shape, few enough for a page of many. */
    static final int POINTS = 400;

    /** Summarises {@code values}, which it does not modify. */
    static Distribution of(double[] values) {
        double[] sorted = new double[values.length];
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sorted[n++] = v;
                sum += v;
            }
        }
        int nonFinite = values.length - n;
        if (n == 0) {
            double nan = Double.NaN;
            return new Distribution(0, nonFinite, nan, nan, nan, nan, nan, nan, nan, nan, nan, new double[0]);
        }
        Arrays.sort(sorted, 0, n);
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = sorted[i] - mean;
            squares += d * d;
        }
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
        double q1 = quantile(sorted, n, 0.25);
        double q3 = quantile(sorted, n, 0.75);
        double iqr = q3 - q1;
        double lowFence = q1 - 1.5 * iqr;
        double highFence = q3 + 1.5 * iqr;
        int low = 0;
        while (sorted[low] < lowFence) {
            low++;
        }
        int high = n - 1;
        while (sorted[high] > highFence) {
            high--;
        }
        return new Distribution(n, nonFinite, mean, sd, sorted[0], q1, quantile(sorted, n, 0.5), q3, sorted[n - 1],
                sorted[low], sorted[high], sample(sorted, n));
    }

    /** Linear interpolation between order statistics (NumPy's default, R's type 7). */
    static double quantile(double[] sorted, int n, double p) {
        double h = (n - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(n - 1, below + 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    private static double[] sample(double[] sorted, int n) {
        if (n <= POINTS) {
            return Arrays.copyOf(sorted, n);
        }
        double[] sample = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            sample[i] = sorted[(int) Math.round(i * (n - 1) / (double) (POINTS - 1))];
        }
        return sample;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Distribution d && n == d.n && nonFinite == d.nonFinite && Arrays.equals(sample, d.sample)
                && Double.compare(mean, d.mean) == 0 && Double.compare(sd, d.sd) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * n + Arrays.hashCode(sample);
    }

    @Override
    public String toString() {
        return "Distribution[n=" + n + ", mean=" + mean + ", median=" + median + "]";
    }
}
