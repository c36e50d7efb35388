package io.crystallize.report;

import java.util.Arrays;

/**
 * Quickselect: order statistics in linear expected time. The quartiles of 10^5 values take a
 * quarter of a sort's time.
 */
final class Selection {

    private static final int SMALL = 24;

    private Selection() {
    }

    /**
     * Rearranges {@code a[from, to)} so that {@code a[k]} holds the value a sort would put there,
     * with no greater value before it and no smaller one after. Values must be finite. A range that
     * keeps partitioning badly is sorted instead, so the worst case stays O(n log n).
     */
    static void select(double[] a, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(to - from));
        while (hi - lo > SMALL) {
            if (budget-- == 0) {
                break;
            }
            double x = a[lo];
            double y = a[(lo + hi) >>> 1];
            double z = a[hi];
            double pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
            // Hoare's partition: the pivot is one of the values, so both scans stop inside the range
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            // [lo, j] <= pivot, [i, hi] >= pivot, and anything between equals the pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
        Arrays.sort(a, lo, hi + 1);
    }

    /**
     * The first quartile, median and third quartile of {@code a[0, n)} by linear interpolation
     * between order statistics (NumPy's default, R's type 7). Reorders {@code a}.
     */
    static double[] quartiles(double[] a, int n) {
        int median = rank(n, 0.5);
        int first = rank(n, 0.25);
        int third = rank(n, 0.75);
        select(a, 0, n, median);
        // the median's position splits the values: the other quartiles lie on either side
        if (first < median) {
            select(a, 0, median, first);
        }
        if (third > median) {
            select(a, median + 1, n, third);
        }
        return new double[] {interpolated(a, n, 0.25), interpolated(a, n, 0.5), interpolated(a, n, 0.75)};
    }

    private static int rank(int n, double p) {
        return (int) Math.floor((n - 1) * p);
    }

    /** The p-quantile, once its lower order statistic is in place. */
    private static double interpolated(double[] a, int n, double p) {
        double h = (n - 1) * p;
        int below = (int) Math.floor(h);
        double low = a[below];
        if (h == below) {
            return low;
        }
        double next = Double.POSITIVE_INFINITY; // the next order statistic: the least value after position below
        for (int i = below + 1; i < n; i++) {
            next = Math.min(next, a[i]);
        }
        return low + (h - below) * (next - low);
    }
}
