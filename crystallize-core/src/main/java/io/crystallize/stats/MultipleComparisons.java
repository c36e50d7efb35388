package io.crystallize.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiple-comparison adjustments of a family of p-values. Adjusted values are returned in the
 * input order and capped at 1. Holm and Bonferroni control the family-wise error rate;
 * Benjamini-Hochberg the false discovery rate.
 */
public final class MultipleComparisons {

    /** The available adjustments. */
    public enum Correction {
        NONE,
        BONFERRONI,
        HOLM,
        BENJAMINI_HOCHBERG
    }

    private MultipleComparisons() {
    }

    public static double[] adjust(Correction correction, double... p) {
        return switch (correction) {
            case NONE -> p.clone();
            case BONFERRONI -> bonferroni(p);
            case HOLM -> holm(p);
            case BENJAMINI_HOCHBERG -> benjaminiHochberg(p);
        };
    }

    public static double[] bonferroni(double... p) {
        check(p);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Math.min(1.0, p[i] * p.length);
        }
        return out;
    }

    /** Holm's step-down: the i-th smallest (0-based) times (m - i), made non-decreasing. */
    public static double[] holm(double... p) {
        check(p);
        int m = p.length;
        int[] order = ascending(p);
        double[] out = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, p[i] * (m - rank)));
            out[i] = running;
        }
        return out;
    }

    /** Benjamini-Hochberg step-up: the i-th smallest (1-based) times m / i, made non-increasing from the top. */
    public static double[] benjaminiHochberg(double... p) {
        check(p);
        int m = p.length;
        int[] order = ascending(p);
        double[] out = new double[m];
        double running = 1.0;
        for (int rank = m - 1; rank >= 0; rank--) {
            int i = order[rank];
            running = Math.min(running, p[i] * m / (rank + 1));
            out[i] = Math.min(1.0, running);
        }
        return out;
    }

    private static int[] ascending(double[] p) {
        if (p.length == 1) {
            return new int[] {0};
        }
        return IntStream.range(0, p.length).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static void check(double[] p) {
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("p-values must lie in [0, 1]: " + Arrays.toString(p));
            }
        }
    }
}
