package io.crystallize.hypothesis;

import io.crystallize.stats.Interval;

/** Shared wording and relative figures of the rank and distribution tests. */
final class RankEffects {

    private RankEffects() {
    }

    /** Relative % of a shift and its CI, taking the baseline mean as fixed. */
    static void relative(Verdict.Builder base, double baselineMean, double shift, Interval ci) {
        if (baselineMean == 0) {
            return;
        }
        double scale = 100 / baselineMean;
        double a = ci.lower() * scale;
        double b = ci.upper() * scale;
        base.relativePercent(shift * scale).relativeCi(Math.min(a, b), Math.max(a, b));
    }

    static String marginNote(double nullDifference) {
        return nullDifference == 0 ? ""
                : "margin applied by shifting the treatment's values by " + Outcomes.signed(-nullDifference);
    }
}
