package io.crystallize.report;

import io.crystallize.internal.text.Decimals;

/** Numbers as the report shows them: the verdict messages' style, "n/a" where a test defines none. */
final class Numbers {

    static final String NONE = "n/a";

    private Numbers() {
    }

    /** Four to five significant figures, scientific beyond 10^6 and below 10^-3. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        return Decimals.readable(v);
    }

    static String signed(double v) {
        String text = number(v);
        return v > 0 && Double.isFinite(v) ? "+" + text : text;
    }

    /** "+4.1%", or n/a. */
    static String percent(double v) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        return (v > 0 ? "+" : "") + Decimals.fixed(v, 1) + "%";
    }

    /** "[a, b]" with signs, or empty when neither end is known. */
    static String interval(double low, double high, boolean asPercent) {
        if (Double.isNaN(low) && Double.isNaN(high)) {
            return "";
        }
        return "[" + (asPercent ? percent(low) : signed(low)) + ", " + (asPercent ? percent(high) : signed(high)) + "]";
    }

    /** p-values: two significant digits below 10^-4, four decimals above. */
    static String p(double p) {
        if (Double.isNaN(p)) {
            return NONE;
        }
        if (p == 0) {
            return "0";
        }
        return p < 1e-4 ? Decimals.significant(p, 2) : Decimals.fixed(p, 4);
    }

    /** A count the test defines (−1 means it does not). */
    static String count(int n) {
        return n < 0 ? NONE : Integer.toString(n);
    }

    /** A duration in seconds, e.g. "840 ms", "8.38 s", "2 min 05 s". */
    static String seconds(double s) {
        if (!Double.isFinite(s) || s < 0) {
            return NONE;
        }
        if (s < 1) {
            return Math.round(s * 1000) + " ms";
        }
        if (s < 60) {
            return Decimals.fixed(s, s < 10 ? 2 : 1) + " s";
        }
        long whole = Math.round(s);
        if (whole < 3600) {
            return whole / 60 + " min " + String.format("%02d", whole % 60) + " s";
        }
        return whole / 3600 + " h " + String.format("%02d", whole % 3600 / 60) + " min";
    }
}
