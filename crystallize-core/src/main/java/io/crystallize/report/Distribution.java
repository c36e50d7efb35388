package io.crystallize.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The values of one metric in one condition (or the paired differences of a treatment): exact
 * summary statistics for the tables, and at most {@link #POINTS} quantiles for plotting.
 * Non-finite values are counted and left out of both.
 *
 * @param n           finite values
 * @param nonFinite   NaN and infinite values left out
 * @param sample      evenly spaced quantiles, ascending, minimum and maximum included: of every value up
 *                    to {@value #SUBSAMPLE} values, beyond that of a fixed pseudo-random subsample of that
 *                    many (a plot of it is indistinguishable, and sorting 10^5 values took most of a report)
 * @param whiskerLow  the smallest value at least Q1 − 1.5 IQR (Tukey's whisker)
 * @param whiskerHigh the largest value at most Q3 + 1.5 IQR
 */
record Distribution(int n, int nonFinite, double mean, double sd, double min, double q1, double median, double q3,
        double max, double whiskerLow, double whiskerHigh, double[] sample) {

    /** Plotted points per distribution: enough to show its shape, few enough for a page of many. */
    static final int POINTS = 400;
    /** Values the plotted quantiles are taken from, at most. */
    static final int SUBSAMPLE = 4000;

    /** Summarises {@code values}, which it does not modify. */
    static Distribution of(double[] values) {
        double[] finite = new double[values.length];
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite[n++] = v;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int nonFinite = values.length - n;
        if (n == 0) {
            double nan = Double.NaN;
            return new Distribution(0, nonFinite, nan, nan, nan, nan, nan, nan, nan, nan, nan, new double[0]);
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = finite[i] - mean;
            squares += d * d;
        }
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
        // exact quartiles by selection: O(n), where a sort is O(n log n)
        double[] quartiles = Selection.quartiles(finite, n);
        double q1 = quartiles[0];
        double median = quartiles[1];
        double q3 = quartiles[2];
        double iqr = q3 - q1;
        double lowFence = q1 - 1.5 * iqr;
        double highFence = q3 + 1.5 * iqr;
        double whiskerLow = Double.POSITIVE_INFINITY;
        double whiskerHigh = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = finite[i];
            if (v >= lowFence && v < whiskerLow) {
                whiskerLow = v;
            }
            if (v <= highFence && v > whiskerHigh) {
                whiskerHigh = v;
            }
        }
        return new Distribution(n, nonFinite, mean, sd, min, q1, median, q3, max, whiskerLow, whiskerHigh,
                sample(finite, n, min, max));
    }

    private static double[] sample(double[] finite, int n, double min, double max) {
        double[] pool;
        if (n <= SUBSAMPLE) {
            pool = Arrays.copyOf(finite, n);
        } else {
            // a fixed seed: the same picture for the same values, every time
            SplittableRandom random = new SplittableRandom(0x5eed_5a3bL);
            pool = new double[SUBSAMPLE];
            for (int i = 0; i < SUBSAMPLE; i++) {
                pool[i] = finite[random.nextInt(n)];
            }
        }
        Arrays.sort(pool);
        if (pool.length <= POINTS) {
            return pool;
        }
        double[] sample = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            sample[i] = pool[(int) Math.round(i * (pool.length - 1) / (double) (POINTS - 1))];
        }
        sample[0] = min;
        sample[POINTS - 1] = max;
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
