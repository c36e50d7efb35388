package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.KolmogorovSmirnov;
import io.crystallize.stats.RankMethod;
import io.crystallize.stats.TestResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Two-sample Kolmogorov-Smirnov test. Its alternatives are stated about the empirical CDFs, so
 * "the treatment tends to be larger" is SciPy's {@code less} (the treatment's CDF lies below):
 * the verdict's alternative stays about treatment − baseline and the method names the KS one.
 * Margins shift the treatment's values. No design figures (no simple power formula).
 */
final class KolmogorovSmirnovVerifier extends ComparisonVerifier {

    private final RankMethod method;

    KolmogorovSmirnovVerifier(RankMethod method) {
        this.method = method;
    }

    @Override
    public String name() {
        return "Kolmogorov-Smirnov";
    }

    @Override
    boolean paired(Samples s) {
        return false;
    }

    @Override
    String testName(boolean paired, boolean equivalence) {
        return equivalence ? "Kolmogorov-Smirnov TOST" : "Kolmogorov-Smirnov";
    }

    @Override
    Design design(boolean paired) {
        return Design.NONE;
    }

    /** The KS alternative that states "treatment − baseline is {@code alternative}". */
    static Alternative ksAlternative(Alternative alternative) {
        return alternative.swapped();
    }

    @Override
    TestResult test(Sides sides, Alternative alternative, double nullDifference) {
        return KolmogorovSmirnov.test(sides.shiftedTreatment(nullDifference), sides.baseline(),
                ksAlternative(alternative), method);
    }

    /** The p-value of the split giving the treatment the largest (smallest for "less") of the pooled values. */
    @Override
    double smallestP(Sides sides, Alternative alternative, double nullDifference) {
        if (Math.min(sides.nBaseline(), sides.nTreatment()) > 30) {
            return 0;
        }
        return test(sides.extremeSplit(alternative, nullDifference), alternative, 0).pValue();
    }

    @Override
    List<String> extras(Samples s, Sides sides, TestResult result, double nullDifference) {
        List<String> extras = new ArrayList<>();
        if (result.alternative() != Alternative.TWO_SIDED) {
            extras.add("KS alternative '" + result.alternative().sciPyName() + "' (inverted: the treatment tends to be "
                    + (result.alternative() == Alternative.LESS ? "larger" : "smaller") + ")");
        }
        extras.add(RankEffects.marginNote(nullDifference));
        extras.add("effect: difference of means with its Welch 95% CI, Hedges' g");
        extras.removeIf(String::isEmpty);
        return extras;
    }
}
