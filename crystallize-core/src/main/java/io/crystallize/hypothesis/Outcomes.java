package io.crystallize.hypothesis;

import java.util.Arrays;
import java.util.Locale;

/** The checks every built-in verifier makes before its test, in DESIGN §3.4's order, and message formatting. */
final class Outcomes {

    static final double NO_VARIANCE_RELATIVE = 1e-12;

    private Outcomes() {
    }

    /** An INCONCLUSIVE verdict when a side has fewer than {@code min} values, else null. */
    static Verdict tooFew(Verdict.Builder base, Samples s, int nBaseline, int nTreatment, int min, String what) {
        if (nBaseline >= min && nTreatment >= min) {
            return null;
        }
        return base.status(Verdict.Status.INCONCLUSIVE)
                .message(s.metric() + ": " + s.treatment() + " — INCONCLUSIVE: too few " + what + " (baseline "
                        + nBaseline + ", " + s.treatment() + " " + nTreatment + "; need at least " + min
                        + " per side): run more replicates")
                .build();
    }

    /** An INCONCLUSIVE verdict when a value is NaN or infinite, else null. */
    static Verdict nonFinite(Verdict.Builder base, Samples s, double[]... sides) {
        for (double[] side : sides) {
            for (double v : side) {
                if (!Double.isFinite(v)) {
                    return base.status(Verdict.Status.INCONCLUSIVE)
                            .message(s.metric() + ": " + s.treatment() + " — INCONCLUSIVE: the values contain " + v
                                    + "; a test needs finite numbers (check the step recording '" + s.metric() + "')")
                            .build();
                }
            }
        }
        return null;
    }

    static boolean constant(double[] values) {
        if (values.length == 0) {
            return true;
        }
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        double scale = Math.max(Math.abs(min), Math.abs(max));
        return max - min <= NO_VARIANCE_RELATIVE * scale;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double variance(double[] values, double mean) {
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (values.length - 1);
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.3f" : "%.4f", v);
    }

    static String signed(double v) {
        return (v >= 0 ? "+" : "") + number(v);
    }

    static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f%%", v) : "n/a";
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        if (p == 0) {
            return "0";
        }
        return p < 1e-4 ? String.format(Locale.ROOT, "%.2g", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
