package io.crystallize.stats;

/**
 * A two-sided confidence interval {@code [lower, upper]} at confidence {@code level} (e.g. 0.95).
 * Bounds may be infinite or NaN when the data do not determine them (e.g. a zero denominator in a
 * relative difference).
 */
public record Interval(double lower, double upper, double level) {

    /** Whether {@code value} lies in the closed interval. */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /** {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }
}
