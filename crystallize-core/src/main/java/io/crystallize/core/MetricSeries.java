package io.crystallize.core;

import java.util.Arrays;

/**
 * All values of one metric in one condition, in replicate order, each with its replicate index
 * (a replicate may have several values, or none when its run failed).
 */
public final class MetricSeries {

    private static final MetricSeries EMPTY = new MetricSeries(new double[0], new int[0]);

    private final double[] values;
    private final int[] replicates;

    public MetricSeries(double[] values, int[] replicates) {
        if (values.length != replicates.length) {
            throw new IllegalArgumentException("values and replicates differ in length");
        }
        for (int i = 1; i < replicates.length; i++) {
            if (replicates[i] < replicates[i - 1]) {
                throw new IllegalArgumentException("replicate indices must be in ascending order");
            }
        }
        this.values = values;
        this.replicates = replicates;
    }

    public static MetricSeries empty() {
        return EMPTY;
    }

    public int size() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }

    public int replicate(int i) {
        return replicates[i];
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** A copy of the replicate indices, parallel to {@link #values()}. */
    public int[] replicates() {
        return replicates.clone();
    }

    /** Distinct replicates that have at least one value, ascending. */
    public int[] replicatesWithValues() {
        return Arrays.stream(replicates).distinct().toArray();
    }

    double[] rawValues() {
        return values;
    }

    int[] rawReplicates() {
        return replicates;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSeries m && Arrays.equals(values, m.values) && Arrays.equals(replicates, m.replicates);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(replicates);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
