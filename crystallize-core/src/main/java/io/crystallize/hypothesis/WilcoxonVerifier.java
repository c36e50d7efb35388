package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.EffectSizes;
import io.crystallize.stats.RankMethod;
import io.crystallize.stats.TestResult;
import io.crystallize.stats.WilcoxonSignedRank;
import io.crystallize.stats.ZeroMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wilcoxon signed-rank test on the replicate-matched differences treatment − baseline (margins
 * shift them), with selectable zero handling. The verdict's difference is the mean difference with
 * its paired-t 95% CI; the effect size is the matched-pairs rank-biserial correlation.
 */
final class WilcoxonVerifier extends ComparisonVerifier {

    private final ZeroMethod zeroMethod;
    private final RankMethod method;
    private final boolean continuity;

    WilcoxonVerifier(ZeroMethod zeroMethod, RankMethod method, boolean continuity) {
        this.zeroMethod = zeroMethod;
        this.method = method;
        this.continuity = continuity;
    }

    @Override
    public String name() {
        return "Wilcoxon signed-rank";
    }

    @Override
    boolean paired(Samples s) {
        return true;
    }

    @Override
    String testName(boolean paired, boolean equivalence) {
        return equivalence ? "Wilcoxon signed-rank TOST" : "Wilcoxon signed-rank";
    }

    @Override
    Design design(boolean paired) {
        return Design.PAIRED_RANK;
    }

    @Override
    TestResult test(Sides sides, Alternative alternative, double nullDifference) {
        return WilcoxonSignedRank.paired(sides.shiftedTreatment(nullDifference), sides.baseline(), alternative,
                zeroMethod, method, continuity);
    }

    /**
     * The p-value of these differences' magnitudes all of the alternative's sign (zeros stay
     * zeros): the smallest the signed-rank test gives with these pairs; 1 when every difference is 0.
     */
    @Override
    double smallestP(Sides sides, Alternative alternative, double nullDifference) {
        if (sides.nBaseline() > 60) {
            return 0;
        }
        double[] t = sides.shiftedTreatment(nullDifference);
        double[] b = sides.baseline();
        double[] extreme = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double d = Math.abs(t[i] - b[i]);
            extreme[i] = alternative == Alternative.LESS ? -d : d;
        }
        try {
            return WilcoxonSignedRank.test(extreme, alternative, zeroMethod, method, continuity).pValue();
        } catch (IllegalArgumentException everyDifferenceZero) {
            return 1;
        }
    }

    @Override
    void describe(Verdict.Builder base, Sides sides) {
        super.describe(base, sides);
        base.effectSize("rank_biserial", EffectSizes.matchedPairsRankBiserial(sides.treatment(), sides.baseline()));
    }

    @Override
    List<String> extras(Samples s, Sides sides, TestResult result, double nullDifference) {
        List<String> extras = new ArrayList<>();
        extras.add((result.alternative() == Alternative.TWO_SIDED ? "statistic min(W+, W−)" : "statistic W+")
                + " of treatment − baseline");
        extras.add(RankEffects.marginNote(nullDifference));
        extras.add(String.format(Locale.ROOT, "effect: mean difference with its paired-t 95%% CI, matched-pairs "
                + "rank-biserial r = %.3f", EffectSizes.matchedPairsRankBiserial(sides.treatment(), sides.baseline())));
        extras.removeIf(String::isEmpty);
        return extras;
    }
}
