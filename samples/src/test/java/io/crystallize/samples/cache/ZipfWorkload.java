package io.crystallize.samples.cache;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Requests for keys 0..n−1 with P(key k) ∝ 1 / (k + 1)^s: a few hot keys, a long cold tail. */
final class ZipfWorkload {

    private final double[] cumulative;

    ZipfWorkload(int keys, double exponent) {
        cumulative = new double[keys];
        double total = 0;
        for (int k = 0; k < keys; k++) {
            total += 1 / Math.pow(k + 1, exponent);
            cumulative[k] = total;
        }
        for (int k = 0; k < keys; k++) {
            cumulative[k] /= total;
        }
    }

    int[] requests(int count, RandomGenerator random) {
        int[] requests = new int[count];
        for (int i = 0; i < count; i++) {
            int k = Arrays.binarySearch(cumulative, random.nextDouble());
            requests[i] = Math.min(k >= 0 ? k : -k - 1, cumulative.length - 1);
        }
        return requests;
    }
}
