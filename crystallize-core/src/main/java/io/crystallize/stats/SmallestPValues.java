package io.crystallize.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * The smallest p-values of exact tests of counts, remembered per design: a suite asks for the same
 * few (n, margin, sides) for every verdict, and each costs as much as a test.
 */
final class SmallestPValues {

    private static final int REMEMBERED = 1024;
    private static final Map<Design, Double> KNOWN = new ConcurrentHashMap<>();

    /** What a smallest p-value depends on. */
    record Design(int nX, int nY, double nullDifference, Alternative alternative, boolean paired) {
    }

    private SmallestPValues() {
    }

    static double remembered(Design design, DoubleSupplier compute) {
        Double known = KNOWN.get(design);
        if (known != null) {
            return known;
        }
        if (KNOWN.size() >= REMEMBERED) {
            KNOWN.clear();
        }
        double value = compute.getAsDouble();
        KNOWN.put(design, value);
        return value;
    }
}
