package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.EffectSizes;
import io.crystallize.stats.HodgesLehmann;
import io.crystallize.stats.Interval;
import io.crystallize.stats.MannWhitney;
import io.crystallize.stats.RankMethod;
import io.crystallize.stats.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Mann-Whitney U on the two sides' values (unpaired). The verdict's difference is the
 * Hodges-Lehmann shift with its distribution-free 95% CI (relative % = shift / baseline mean),
 * the effect size the rank-biserial correlation. Margins shift the treatment's values.
 */
final class MannWhitneyVerifier extends ComparisonVerifier {

    private final RankMethod method;
    private final boolean continuity;

    MannWhitneyVerifier(RankMethod method, boolean continuity) {
        this.method = method;
        this.continuity = continuity;
    }

    @Override
    public String name() {
        return "Mann-Whitney U";
    }

    @Override
    boolean paired(Samples s) {
        return false;
    }

    @Override
    String testName(boolean paired, boolean equivalence) {
        return equivalence ? "Mann-Whitney TOST" : "Mann-Whitney U";
    }

    @Override
    Design design(boolean paired) {
        return Design.TWO_SAMPLE_RANK;
    }

    @Override
    TestResult test(Sides sides, Alternative alternative, double nullDifference) {
        return MannWhitney.test(sides.shiftedTreatment(nullDifference), sides.baseline(), alternative, method, continuity);
    }

    /** Beyond this many values on the smaller side the test's floor is far below any level in use. */
    private static final int FLOOR_MATTERS_UP_TO = 30;

    /** The p-value of the split giving the treatment the largest (smallest for "less") of the pooled values. */
    @Override
    double smallestP(Sides sides, Alternative alternative, double nullDifference) {
        if (Math.min(sides.nBaseline(), sides.nTreatment()) > FLOOR_MATTERS_UP_TO) {
            return 0;
        }
        return test(sides.extremeSplit(alternative, nullDifference), alternative, 0).pValue();
    }

    @Override
    void describe(Verdict.Builder base, Sides sides) {
        double[] t = sides.treatment();
        double[] b = sides.baseline();
        double mb = sides.baselineMean();
        double shift = HodgesLehmann.shift(t, b);
        Interval ci = HodgesLehmann.confidenceInterval(t, b, 0.95);
        base.means(mb, sides.treatmentMean()).difference(shift).ci(ci.lower(), ci.upper())
                .effectSize("rank_biserial", EffectSizes.rankBiserial(t, b));
        RankEffects.relative(base, mb, shift, ci);
    }

    @Override
    List<String> extras(Samples s, Sides sides, TestResult result, double nullDifference) {
        List<String> extras = new ArrayList<>();
        extras.add(String.format(Locale.ROOT, "U = %s of the treatment", Outcomes.number(result.statistic())));
        extras.add(RankEffects.marginNote(nullDifference));
        extras.add(String.format(Locale.ROOT, "effect: Hodges-Lehmann shift with its distribution-free 95%% CI, "
                + "rank-biserial r = %.3f", EffectSizes.rankBiserial(sides.treatment(), sides.baseline())));
        extras.removeIf(String::isEmpty);
        return extras;
    }
}
