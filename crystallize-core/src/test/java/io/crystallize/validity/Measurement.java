package io.crystallize.validity;

import java.util.Locale;

/**
 * The measured rate of one scenario and its judgement against the target.
 *
 * @param scenario     what was measured
 * @param alpha        the hypotheses' alpha
 * @param experiments  Monte-Carlo experiments run
 * @param trials       verdicts (or families) the rate is over: the experiments, or for coverage
 *                     the verdicts that reported an interval
 * @param hits         false positives, detections, or intervals holding the true difference
 * @param inconclusive experiments whose verdict (any verdict of a family) was INCONCLUSIVE
 * @param errors       experiments with an ERROR verdict
 * @param note         why the scenario was not measured, or the first error; empty otherwise
 */
record Measurement(Scenario scenario, double alpha, int experiments, int trials, int hits, int inconclusive,
        int errors, String note) {

    /** The judgement of a measurement. */
    enum Status { PASS, FAIL, NOT_MEASURED }

    static Measurement notMeasured(Scenario scenario, double alpha, String why) {
        return new Measurement(scenario, alpha, 0, 0, 0, 0, 0, why);
    }

    Target target() {
        return scenario.check().target();
    }

    double rate() {
        return trials == 0 ? Double.NaN : (double) hits / trials;
    }

    double inconclusiveShare() {
        return experiments == 0 ? Double.NaN : (double) inconclusive / experiments;
    }

    Status status() {
        if (trials == 0) {
            return Status.NOT_MEASURED;
        }
        if (errors > 0) {
            return Status.FAIL;
        }
        double rate = rate();
        return rate >= target().lowerBound(alpha, trials) && rate <= target().upperBound(alpha, trials)
                ? Status.PASS : Status.FAIL;
    }

    boolean passes() {
        return status() == Status.PASS;
    }

    /** "≤ 0.050 (pass ≤ 0.067)", "0.80 ± 0.04 (pass 0.760 to 0.840)", "≥ 0.95 (pass ≥ 0.933)". */
    String targetText() {
        Target t = target();
        if (trials == 0) {
            return switch (t) {
                case FALSE_POSITIVES -> String.format(Locale.ROOT, "≤ %.3f", alpha);
                case POWER -> "0.80 ± 0.04";
                case COVERAGE -> "≥ 0.95";
            };
        }
        return switch (t) {
            case FALSE_POSITIVES -> String.format(Locale.ROOT, "≤ %.3f (pass ≤ %.3f)", alpha, t.upperBound(alpha, trials));
            case POWER -> String.format(Locale.ROOT, "0.80 ± 0.04 (pass %.3f to %.3f)", t.lowerBound(alpha, trials),
                    t.upperBound(alpha, trials));
            case COVERAGE -> String.format(Locale.ROOT, "≥ 0.95 (pass ≥ %.3f)", t.lowerBound(alpha, trials));
        };
    }

    /** "0.052 [0.043, 0.062]": the rate with its 95% Wilson interval (Monte-Carlo error). */
    String measuredText() {
        if (trials == 0) {
            return "—";
        }
        double[] w = wilson(hits, trials);
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", rate(), w[0], w[1]);
    }

    static double[] wilson(int hits, int trials) {
        double z = 1.959964;
        double p = (double) hits / trials;
        double denominator = 1 + z * z / trials;
        double centre = (p + z * z / (2 * trials)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s, target %s, INCONCLUSIVE %.1f%%, %d experiments%s — %s",
                scenario.id(), measuredText(), targetText(), 100 * inconclusiveShare(), experiments,
                errors > 0 ? ", " + errors + " ERROR" : "", status() + (note.isEmpty() ? "" : " (" + note + ")"));
    }
}
