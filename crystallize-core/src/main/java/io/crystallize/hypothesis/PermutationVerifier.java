package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.PermutationTest;
import io.crystallize.stats.TestResult;
import io.crystallize.stats.TwoSampleStatistic;
import java.util.ArrayList;
import java.util.List;

/**
 * Two-sample permutation test of any statistic of (treatment, baseline): exact over all splits
 * when there are at most {@link PermutationTest#DEFAULT_EXACT_LIMIT}, else seeded Monte Carlo with
 * p = (k + 1)/(B + 1). Unpaired (labels are permuted across the pooled values). Margins shift the
 * treatment's values, which suits location statistics. Design figures: those of the two-sample t
 * for the mean difference (asymptotically as efficient), none for other statistics.
 */
final class PermutationVerifier extends ComparisonVerifier {

    private final TwoSampleStatistic statistic;
    private final String statisticName;
    private final int resamples;
    private final long seed;
    private final boolean meanDifference;

    PermutationVerifier(TwoSampleStatistic statistic, String statisticName, int resamples, long seed,
            boolean meanDifference) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive: " + resamples);
        }
        this.statistic = statistic;
        this.statisticName = statisticName;
        this.resamples = resamples;
        this.seed = seed;
        this.meanDifference = meanDifference;
    }

    @Override
    public String name() {
        return "permutation (" + statisticName + ")";
    }

    @Override
    boolean paired(Samples s) {
        return false;
    }

    @Override
    String testName(boolean paired, boolean equivalence) {
        return equivalence ? "permutation TOST" : "permutation";
    }

    @Override
    Design design(boolean paired) {
        return meanDifference ? Design.TWO_SAMPLE_T : Design.NONE;
    }

    @Override
    TestResult test(Sides sides, Alternative alternative, double nullDifference) {
        return PermutationTest.test(sides.shiftedTreatment(nullDifference), sides.baseline(), statistic, alternative,
                resamples, seed);
    }

    /** 1 / (splits) when every split is enumerated, 1 / (B + 1) for Monte Carlo; doubled two-sided. */
    @Override
    double smallestP(Sides sides, Alternative alternative, double nullDifference) {
        double splits = 1;
        int n = sides.nTreatment() + sides.nBaseline();
        for (int i = 1; i <= sides.nTreatment(); i++) {
            splits = splits * (n - sides.nTreatment() + i) / i;
        }
        double one = splits <= PermutationTest.DEFAULT_EXACT_LIMIT ? 1 / splits : 1.0 / (resamples + 1.0);
        return Math.min(1, alternative == Alternative.TWO_SIDED ? 2 * one : one);
    }

    @Override
    List<String> extras(Samples s, Sides sides, TestResult result, double nullDifference) {
        List<String> extras = new ArrayList<>();
        extras.add("statistic: " + statisticName + " of (treatment, baseline) = " + Outcomes.number(result.statistic()));
        extras.add(RankEffects.marginNote(nullDifference));
        extras.add("effect: difference of means with its Welch 95% CI, Hedges' g");
        extras.removeIf(String::isEmpty);
        return extras;
    }
}
