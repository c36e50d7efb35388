package io.crystallize.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Average ("mid") ranks with tie group sizes; -0.0 and 0.0 are one value. */
final class Ranking {

    /** ranks[i] is the average rank (1-based) of values[i]. */
    final double[] ranks;
    /** Sizes of tie groups of size greater than one. */
    final int[] tieSizes;

    private Ranking(double[] ranks, int[] tieSizes) {
        this.ranks = ranks;
        this.tieSizes = tieSizes;
    }

    static Ranking of(double[] values) {
        double[] v = Samples.withoutSignedZeros(values);
        Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] ranks = new double[v.length];
        int[] ties = new int[v.length];
        int groups = 0;
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double rank = (i + j + 2) / 2.0;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            if (j > i) {
                ties[groups++] = j - i + 1;
            }
            i = j + 1;
        }
        return new Ranking(ranks, Arrays.copyOf(ties, groups));
    }

    boolean hasTies() {
        return tieSizes.length > 0;
    }

    /** Sum over tie groups of t^3 - t. */
    double tieTerm() {
        double s = 0;
        for (int t : tieSizes) {
            s += (double) t * t * t - t;
        }
        return s;
    }
}
