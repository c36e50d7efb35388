package io.crystallize.base;

import java.util.Arrays;

/**
 * All values of one metric in one condition, in replicate order, each with its replicate index
 * (a replicate may have several values, or none when its run failed).
 */
public final class MetricSeries {

    private static final MetricSeries EMPTY = new MetricSeries(new double[0], new int[0]);

    private final double[] values;
    // null when dense: value i belongs to replicate i (the common case, saves 4 bytes a value)
    private final int[] replicates;

    public MetricSeries(double[] values, int[] replicates) {
        this(values.clone(), checked(values, replicates), true);
    }

    private MetricSeries(double[] values, int[] replicates, boolean trusted) {
        this.values = values;
        this.replicates = replicates == null || isDense(replicates) ? null : replicates;
    }

    private static boolean isDense(int[] replicates) {
        for (int i = 0; i < replicates.length; i++) {
            if (replicates[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static int[] checked(double[] values, int[] replicates) {
        if (values.length != replicates.length) {
            throw new IllegalArgumentException("values and replicates differ in length");
        }
        for (int i = 1; i < replicates.length; i++) {
            if (replicates[i] < replicates[i - 1]) {
                throw new IllegalArgumentException("replicate indices must be in ascending order");
            }
        }
        return replicates.clone();
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
        if (i < 0 || i >= values.length) {
            throw new IndexOutOfBoundsException(i);
        }
        return replicates == null ? i : replicates[i];
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** A copy of the replicate indices, parallel to {@link #values()}. */
    public int[] replicates() {
        if (replicates == null) {
            int[] dense = new int[values.length];
            Arrays.setAll(dense, i -> i);
            return dense;
        }
        return replicates.clone();
    }

    /** True when value i belongs to replicate i, for every value. */
    public boolean isDense() {
        return replicates == null;
    }

    /** Distinct replicates that have at least one value, ascending. */
    public int[] replicatesWithValues() {
        return Arrays.stream(replicates()).distinct().toArray();
    }

    /** The values of one replicate, in recording order. */
    public double[] valuesOf(int replicate) {
        if (replicates == null) {
            return replicate >= 0 && replicate < values.length ? new double[] {values[replicate]} : new double[0];
        }
        int from = Arrays.binarySearch(replicates, replicate);
        if (from < 0) {
            return new double[0];
        }
        while (from > 0 && replicates[from - 1] == replicate) {
            from--;
        }
        int to = from;
        while (to < replicates.length && replicates[to] == replicate) {
            to++;
        }
        return Arrays.copyOfRange(values, from, to);
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
