package io.crystallize.hypothesis;

import java.util.Arrays;

/** How several values of a metric recorded in one run become that run's one value. */
public enum Aggregate {
    /** Exactly one value per run is expected; several is an error naming the metric. */
    SINGLE,
    MEAN,
    SUM,
    MIN,
    MAX,
    MEDIAN,
    FIRST,
    LAST;

    /** The run's value; {@code values} is non-empty. */
    public double apply(double[] values, int from, int to) {
        int n = to - from;
        return switch (this) {
            case SINGLE, FIRST -> values[from];
            case LAST -> values[to - 1];
            case SUM -> sum(values, from, to);
            case MEAN -> sum(values, from, to) / n;
            case MIN -> Arrays.stream(values, from, to).min().orElseThrow();
            case MAX -> Arrays.stream(values, from, to).max().orElseThrow();
            case MEDIAN -> {
                double[] sorted = Arrays.copyOfRange(values, from, to);
                Arrays.sort(sorted);
                yield n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            }
        };
    }

    private static double sum(double[] values, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += values[i];
        }
        return s;
    }
}
