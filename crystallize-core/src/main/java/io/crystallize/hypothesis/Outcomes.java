package io.crystallize.hypothesis;

import io.crystallize.internal.text.Decimals;
import io.crystallize.stats.Alternative;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The checks every built-in verifier makes before its test (too few values, non-finite values, no
 * variance, a relative margin without a clear baseline mean, a test that cannot reach its level),
 * the deterministic verdict without variance, the replicates-needed hint, and number formatting
 * for messages.
 */
final class Outcomes {

    static final double NO_VARIANCE_RELATIVE = 1e-12;
    static final int MIN_PER_SIDE = 2;

    private Outcomes() {
    }

    /** INCONCLUSIVE when a side has fewer than 2 values (fewer than 2 pairs when paired), else null. */
    static Verdict tooFew(Verdict.Builder base, Samples s, Sides sides, Verifier.Question q, Design design) {
        if (sides.nBaseline() >= MIN_PER_SIDE && sides.nTreatment() >= MIN_PER_SIDE) {
            return null;
        }
        String why = sides.paired()
                ? "too few replicate-matched pairs (" + sides.nBaseline() + "; need at least " + MIN_PER_SIDE
                        + ": baseline has " + s.baseline().length + " values, " + s.treatment() + " "
                        + s.treatmentValues().length + ")"
                : "too few values (baseline " + sides.nBaseline() + ", " + s.treatment() + " " + sides.nTreatment()
                        + "; need at least " + MIN_PER_SIDE + " per side)";
        return inconclusive(base, s, why + ": run more replicates" + replicatesHint(sides, q, design));
    }

    /** INCONCLUSIVE when a value is NaN or infinite, else null. */
    static Verdict nonFinite(Verdict.Builder base, Samples s, Sides sides, Verifier.Question q, Design design) {
        for (double[] side : new double[][] {sides.baseline(), sides.treatment()}) {
            long bad = 0;
            double first = Double.NaN;
            for (double v : side) {
                if (!Double.isFinite(v)) {
                    if (bad == 0) {
                        first = v;
                    }
                    bad++;
                }
            }
            if (bad > 0) {
                String where = side == sides.baseline() ? "baseline" : s.treatment();
                return inconclusive(base, s, where + " has " + bad + " non-finite value" + (bad > 1 ? "s" : "")
                        + " (e.g. " + first + "); a test needs finite numbers (check the step recording '"
                        + s.metric() + "')" + replicatesHint(sides, q, design));
            }
        }
        return null;
    }

    /**
     * INCONCLUSIVE without any variance: a constant run of values on random data is as likely
     * from chance as from a deterministic effect, and no test can tell them apart.
     */
    static Verdict noVariance(Verdict.Builder base, Samples s, Sides sides) {
        double mb = sides.baselineMean();
        double diff = sides.treatmentMean() - mb;
        String what;
        if (sides.paired()) {
            what = "every paired difference is " + signed(sides.differences()[0]);
        } else {
            what = Outcomes.constant(sides.baseline()) ? "baseline always " + number(sides.baseline()[0]) : "";
            if (Outcomes.constant(sides.treatment())) {
                what += (what.isEmpty() ? "" : ", ") + s.treatment() + " always " + number(sides.treatment()[0]);
            }
        }
        base.means(mb, sides.treatmentMean()).difference(diff)
                .method("no variance (" + what + ", within 1e-12 relative): no test run");
        return inconclusive(base, s, "no variance (" + what + "): cannot tell a deterministic effect from chance; "
                + "if the metric is deterministic, declare it (@Hypothesis(deterministic = true), or "
                + "Hypothesis.Builder.deterministic()) and the verdict follows the direction; otherwise record a "
                + "metric that varies between replicates, or run more replicates");
    }

    /** INCONCLUSIVE: a relative margin of a baseline mean that is not clearly away from zero. */
    static Verdict relativeMarginUndefined(Verdict.Builder base, Samples s, Sides sides, Verifier.Question q,
            Design design) {
        double mb = sides.baselineMean();
        base.means(mb, sides.treatmentMean()).difference(sides.treatmentMean() - mb);
        return inconclusive(base, s, "a margin of " + trimmed(q.expectation().margin()) + "% of the baseline mean "
                + "needs a baseline mean clearly away from 0, but its 95% CI contains 0 (mean " + number(mb)
                + "): give the margin in metric units, or run more replicates" + replicatesHint(sides, q, design));
    }

    /**
     * INCONCLUSIVE: even the most extreme data of this n give the test no p-value below the level
     * the correction demands, so "not supported" would only restate the n. The minimal detectable
     * effect is infinite.
     */
    static Verdict unreachable(Verdict.Builder base, Samples s, Sides sides, Verifier.Question q, String test,
            double floor, int needed, Design design) {
        double mb = sides.baselineMean();
        String n = sides.paired() ? sides.nBaseline() + " replicate-matched pairs"
                : sides.nBaseline() == sides.nTreatment() ? sides.nBaseline() + " values per side"
                        : "baseline " + sides.nBaseline() + " and " + s.treatment() + " " + sides.nTreatment() + " values";
        String unit = sides.paired() ? " replicate-matched pairs" : " replicates per side";
        String need = needed == Integer.MAX_VALUE ? "more than 10,000" + unit : "at least " + needed + unit;
        String sided = q.expectation().kind() == Expectation.Kind.EQUIVALENT_WITHIN ? "each one-sided test"
                : q.expectation().alternative(q.direction()).equals("two-sided") ? "two-sided" : "one-sided";
        base.means(mb, sides.treatmentMean()).difference(sides.treatmentMean() - mb)
                .mde(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)
                .method(test + " cannot reach p < " + p(q.reachLevel()) + " at this n: smallest attainable p "
                        + p(floor) + " (" + sided + "); needs " + need + "; minimal detectable effect infinite");
        return inconclusive(base, s, test + " cannot reach p < " + q.reachLevelText() + " with " + n
                + ": the smallest p-value it can give is " + p(floor) + " (" + sided + ", the most extreme data); it needs "
                + need + replicatesHint(sides, q, design));
    }

    static Verdict inconclusive(Verdict.Builder base, Samples s, String why) {
        return base.status(Verdict.Status.INCONCLUSIVE)
                .message(s.metric() + ": " + s.treatment() + " — INCONCLUSIVE: " + why).build();
    }

    /**
     * "baseline has 0.5" or "<treatment> has 2.0" for the first value of the sides that is not 0 or
     * 1, or null when every value is.
     */
    static String firstNonBinary(Samples s, Sides sides) {
        for (double[] side : new double[][] {sides.baseline(), sides.treatment()}) {
            for (double v : side) {
                if (v != 0 && v != 1) {
                    return (side == sides.baseline() ? "baseline" : s.treatment()) + " has " + v;
                }
            }
        }
        return null;
    }

    static Verdict error(Verdict.Builder base, Samples s, String why) {
        return base.status(Verdict.Status.ERROR).error(why)
                .message(s.metric() + ": " + s.treatment() + " — ERROR: " + why).build();
    }

    /**
     * "; a minimum effect of 2.0 needs about 23 replicates per side ..." when the question declares
     * a minimum effect and the finite values give a variance estimate; else "".
     */
    static String replicatesHint(Sides sides, Verifier.Question q, Design design) {
        double effect = q.minimumEffect();
        if (Double.isNaN(effect) || design == Design.NONE) {
            return "";
        }
        double sd = sides.scale();
        if (!(sd > 0)) {
            return "";
        }
        boolean pairedScale = sides.paired() && Outcomes.finite(sides.differences()).length >= 2;
        Design used = pairedScale ? design : design.unpaired();
        int n = used.replicatesNeeded(effect / sd, q.familyLevel(), alternative(q));
        String unit = used == Design.PAIRED_T || used == Design.PAIRED_RANK ? " replicate-matched pairs" : " replicates per side";
        String count = n == Integer.MAX_VALUE ? "more than 10^8" : "about " + n;
        return "; a minimum effect of " + number(effect) + " needs " + count + unit + " for "
                + Math.round(100 * Design.POWER) + "% power at " + q.familyLevelText() + " (SD "
                + number(sd) + (pairedScale ? " of the differences" : "") + ")";
    }

    /** The stats alternative of the question about treatment − baseline (two-sided for equivalence). */
    static Alternative alternative(Verifier.Question q) {
        return Alternative.fromSciPyName(q.expectation().alternative(q.direction()));
    }

    /**
     * No variance and the metric declared deterministic: the difference of means is deterministic,
     * so the verdict follows the direction and margin, with p reported as 0 (holds) or 1 (does not).
     */
    static Verdict deterministic(Verdict.Builder base, Sides sides, Verifier.Question q, String test) {
        double mb = sides.baselineMean();
        double diff = sides.treatmentMean() - mb;
        Expectation e = q.expectation();
        double better = q.direction().sign() * diff;
        double m = e.absoluteMargin(mb);
        boolean holds = switch (e.kind()) {
            case BETTER -> better > 0;
            case WORSE -> better < 0;
            case DIFFERENT -> diff != 0;
            case BETTER_BY_AT_LEAST -> better > m;
            case NOT_WORSE_BY_MORE_THAN -> better > -m;
            case EQUIVALENT_WITHIN -> Math.abs(diff) < m;
        };
        return base.method("no variance in " + sides.varianceSource() + " (within 1e-12 relative), the metric declared "
                        + "deterministic: the difference " + signed(diff) + " is deterministic, p reported as "
                        + (holds ? 0 : 1) + "; " + test + " not run")
                .means(mb, sides.treatmentMean())
                .difference(diff)
                .relativePercent(sides.relativeMeaningful() ? 100 * diff / mb : Double.NaN)
                .statistic(Double.NaN)
                .pValue(holds ? 0 : 1)
                .ci(diff, diff)
                .status(holds ? Verdict.Status.SUPPORTED : Verdict.Status.NOT_SUPPORTED)
                .build();
    }

    private static final double[] T_CRITICAL_95 = new double[1024];

    /** The two-sided 95% critical value of t at df degrees of freedom (remembered for small df). */
    static double tCritical95(int df) {
        if (df >= T_CRITICAL_95.length) {
            return TDistribution.of(df).inverseSurvivalProbability(0.025);
        }
        double c = T_CRITICAL_95[df];
        if (c == 0) {
            // a benign race: every thread computes the same value
            c = TDistribution.of(df).inverseSurvivalProbability(0.025);
            T_CRITICAL_95[df] = c;
        }
        return c;
    }

    static boolean constant(double[] values) {
        if (values.length == 0) {
            return true;
        }
        double min = values[0];
        double max = values[0];
        for (int i = 1; i < values.length; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        double scale = Math.max(Math.abs(min), Math.abs(max));
        return max - min <= NO_VARIANCE_RELATIVE * scale;
    }

    /** The finite values, in order: the array itself when all are (not to be modified). */
    static double[] finite(double[] values) {
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
            }
        }
        if (n == values.length) {
            return values;
        }
        double[] finite = new double[n];
        int i = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite[i++] = v;
            }
        }
        return finite;
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
        return Decimals.readable(v);
    }

    static String signed(double v) {
        return (v >= 0 ? "+" : "") + number(v);
    }

    static String percent(double v) {
        return Double.isFinite(v) ? (v > 0 || (v == 0 && 1 / v > 0) ? "+" : "") + Decimals.fixed(v, 1) + "%" : "n/a";
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        if (p == 0) {
            return "0";
        }
        return p < 1e-4 ? Decimals.significant(p, 2) : Decimals.fixed(p, 4);
    }

    /** alpha without trailing zeros: 0.05, 0.01. */
    static String trimmed(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
