package io.crystallize.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class HodgesLehmannTest {

    private static double[] sortedDifferences(double[] x, double[] y) {
        double[] d = new double[x.length * y.length];
        int k = 0;
        for (double a : x) {
            for (double b : y) {
                d[k++] = a - b;
            }
        }
        Arrays.sort(d);
        return d;
    }

    private static double bruteForceShift(double[] x, double[] y) {
        double[] d = sortedDifferences(x, y);
        int n = d.length;
        return n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
    }

    @Test
    void selectionEqualsBruteForceOnRandomInputsWithTies() {
        SplittableRandom random = new SplittableRandom(17);
        for (int trial = 0; trial < 300; trial++) {
            int m = 1 + random.nextInt(40);
            int n = 1 + random.nextInt(40);
            boolean ties = trial % 2 == 0;
            double[] x = new double[m];
            double[] y = new double[n];
            for (int i = 0; i < m; i++) {
                x[i] = ties ? random.nextInt(6) : random.nextGaussian() + 0.3;
            }
            for (int j = 0; j < n; j++) {
                y[j] = ties ? random.nextInt(6) : random.nextGaussian();
            }
            assertThat(HodgesLehmann.shift(x, y)).isEqualTo(bruteForceShift(x, y));
            double[] sorted = sortedDifferences(x, y);
            double[] sx = Samples.sortedCopy(x);
            double[] sy = Samples.sortedCopy(y);
            for (int k = 0; k < sorted.length; k += 1 + sorted.length / 25) {
                assertThat(HodgesLehmann.orderStatistic(sx, sy, k)).as("k=" + k).isEqualTo(sorted[k]);
            }
            assertThat(HodgesLehmann.orderStatistic(sx, sy, sorted.length - 1)).isEqualTo(sorted[sorted.length - 1]);
        }
    }

    @Test
    void selectionHandlesLargeSamplesWithoutFormingAllDifferences() {
        SplittableRandom random = new SplittableRandom(5);
        double[] x = random.doubles(200_000).map(v -> v * 3).toArray();
        double[] y = random.doubles(150_000).toArray();
        // 3·10^10 differences: brute force is impossible, so check the defining counts instead
        double shift = HodgesLehmann.shift(x, y);
        double[] sy = Samples.sortedCopy(y);
        long below = 0;
        long atMost = 0;
        for (double a : x) {
            below += countLess(sy, a - shift, false);
            atMost += countLess(sy, a - shift, true);
        }
        long total = (long) x.length * y.length;
        assertThat(below).isLessThanOrEqualTo(total / 2);
        assertThat(atMost).isGreaterThanOrEqualTo(total / 2);
        assertThat(shift).isBetween(0.9, 1.1);
    }

    /** Number of y with a - y < v (strict) or <= v: y > a - v. Approximate in floating point, fine for the bracket check. */
    private static long countLess(double[] sortedY, double threshold, boolean inclusive) {
        int lo = 0;
        int hi = sortedY.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            boolean inside = inclusive ? sortedY[mid] >= threshold : sortedY[mid] > threshold;
            if (inside) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return sortedY.length - lo;
    }

    @Test
    void mannWhitneyNullDistributionIsTheKnownOne() {
        double[] pmf = HodgesLehmann.mannWhitneyDistribution(3, 3);
        double[] counts = {1, 1, 2, 3, 3, 3, 3, 2, 1, 1};
        for (int u = 0; u < counts.length; u++) {
            assertThat(pmf[u]).isCloseTo(counts[u] / 20, org.assertj.core.api.Assertions.within(1e-15));
        }
    }

    @Test
    void confidenceIntervalUsesTheExactQuantileOfU() {
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        // y has ties: normal approximation; x vs shifted copy: exact
        double[] y2 = {0.878, 0.647, 0.598, 2.05, 1.061, 1.29, 1.062, 3.14, 1.291};
        Interval ci = HodgesLehmann.confidenceInterval(x, y2, 0.95);
        double[] pmf = HodgesLehmann.mannWhitneyDistribution(9, 9);
        double cumulative = 0;
        int k = 0;
        while (cumulative + pmf[k] <= 0.025) {
            cumulative += pmf[k++];
        }
        double[] sorted = sortedDifferences(x, y2);
        assertThat(k).isEqualTo(18); // the tabulated critical value for m = n = 9 at 5% two-sided is U = 17
        assertThat(ci.lower()).isEqualTo(sorted[k - 1]);
        assertThat(ci.upper()).isEqualTo(sorted[sorted.length - k]);
        assertThat(ci.contains(HodgesLehmann.shift(x, y2))).isTrue();
        Interval approximate = HodgesLehmann.confidenceInterval(x, y, 0.95);
        assertThat(approximate.contains(HodgesLehmann.shift(x, y))).isTrue();
        assertThat(HodgesLehmann.confidenceInterval(new double[] {1, 2}, new double[] {3, 4}, 0.95).lower())
                .isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
