package io.crystallize.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * The largest value of a tail probability over a nuisance parameter on [lo, hi]: what makes an
 * unconditional test exact whatever the unknown common rate. The tail probability is a polynomial in
 * the parameter with several local maxima, so a grid finds the hills and a golden-section search
 * climbs the highest few to 1e-8 of the range; the top of a smooth hill is flat, which makes the
 * value exact to far below that.
 */
final class NuisanceSupremum {

    static final int GRID = 200;
    private static final int HILLS = 3;
    private static final double TOLERANCE = 1e-8;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private NuisanceSupremum() {
    }

    static double of(DoubleUnaryOperator probability, double lo, double hi) {
        if (!(hi > lo)) {
            return probability.applyAsDouble(lo);
        }
        double step = (hi - lo) / GRID;
        double[] values = new double[GRID + 1];
        for (int i = 0; i <= GRID; i++) {
            values[i] = probability.applyAsDouble(i == GRID ? hi : lo + i * step);
        }
        int[] hills = highestHills(values);
        double best = 0;
        for (int i : hills) {
            if (i < 0) {
                continue;
            }
            best = Math.max(best, values[i]);
            // a hill's top lies within a grid step of its highest grid point, at an end too
            double from = i == 0 ? lo : lo + (i - 1) * step;
            double to = i == GRID ? hi : Math.min(hi, lo + (i + 1) * step);
            best = Math.max(best, climb(probability, from, to, TOLERANCE * (hi - lo)));
        }
        return Math.min(1.0, best);
    }

    /** Indices of the highest local maxima of the grid (ends included), −1 where there are fewer. */
    private static int[] highestHills(double[] values) {
        int[] top = {-1, -1, -1};
        for (int i = 0; i < values.length; i++) {
            boolean left = i == 0 || values[i] >= values[i - 1];
            boolean right = i == values.length - 1 || values[i] >= values[i + 1];
            if (!(left && right)) {
                continue;
            }
            for (int k = 0; k < HILLS; k++) {
                if (top[k] < 0 || values[i] > values[top[k]]) {
                    System.arraycopy(top, k, top, k + 1, HILLS - 1 - k);
                    top[k] = i;
                    break;
                }
            }
        }
        return top;
    }

    /** Golden-section search for the maximum on [a, b] to the tolerance; the largest value seen. */
    private static double climb(DoubleUnaryOperator f, double a, double b, double tolerance) {
        double c = b - GOLDEN * (b - a);
        double d = a + GOLDEN * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        while (b - a > tolerance) {
            if (fc >= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - GOLDEN * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + GOLDEN * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        return Math.max(fc, fd);
    }
}
