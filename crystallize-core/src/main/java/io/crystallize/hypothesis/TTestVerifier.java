package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.Equivalence;
import io.crystallize.stats.EquivalenceResult;
import io.crystallize.stats.TestResult;
import io.crystallize.stats.TTests;
import java.util.ArrayList;
import java.util.List;

/**
 * Welch, Student and paired t-tests on {@link TTests}, TOST by {@link Equivalence} (Student TOST
 * by two one-sided Student tests), and the default test: paired t on the replicate-matched pairs
 * when conditions share seeds, Welch otherwise.
 */
final class TTestVerifier extends ComparisonVerifier {

    enum Mode { AUTO, WELCH, STUDENT, PAIRED }

    private final Mode mode;

    TTestVerifier(Mode mode) {
        this.mode = mode;
    }

    @Override
    public String name() {
        return switch (mode) {
            case AUTO -> "default (paired t with shared seeds, else Welch t)";
            case WELCH -> "Welch t";
            case STUDENT -> "Student t";
            case PAIRED -> "paired t";
        };
    }

    /** Whether this is the default test, which hands 0/1 metrics to the tests made for them. */
    boolean isDefault() {
        return mode == Mode.AUTO;
    }

    @Override
    boolean paired(Samples s) {
        return mode == Mode.PAIRED || (mode == Mode.AUTO && s.sharedSeeds());
    }

    @Override
    String testName(boolean paired, boolean equivalence) {
        String kind = paired ? "paired" : mode == Mode.STUDENT ? "Student" : "Welch";
        return kind + (equivalence ? " TOST" : " t");
    }

    @Override
    Design design(boolean paired) {
        return paired ? Design.PAIRED_T : Design.TWO_SAMPLE_T;
    }

    @Override
    TestResult test(Sides sides, Alternative alternative, double nullDifference) {
        if (sides.paired()) {
            return sides.pairedMeans().pairedT(alternative, nullDifference);
        }
        return mode == Mode.STUDENT ? TTests.student(sides.treatment(), sides.baseline(), alternative, nullDifference)
                : sides.independentMeans().welch(alternative, nullDifference);
    }

    @Override
    EquivalenceResult equivalence(Sides sides, double margin) {
        if (sides.paired()) {
            return Equivalence.tostPaired(sides.treatment(), sides.baseline(), margin);
        }
        return mode == Mode.STUDENT ? super.equivalence(sides, margin)
                : Equivalence.tostWelch(sides.treatment(), sides.baseline(), margin);
    }

    @Override
    List<String> extras(Samples s, Sides sides, TestResult result, double nullDifference) {
        List<String> extras = new ArrayList<>();
        if (mode == Mode.AUTO) {
            extras.add(sides.paired() ? "default test: paired, conditions share seeds (common random numbers)"
                    : "default test: Welch, conditions do not share seeds");
        }
        if (sides.paired()) {
            int unmatched = s.baseline().length + s.treatmentValues().length - 2 * sides.nBaseline();
            if (unmatched > 0) {
                extras.add(unmatched + " value" + (unmatched > 1 ? "s" : "") + " without a partner replicate left out");
            }
        }
        extras.add("effect: difference of means, " + (sides.paired() ? "d_z" : "Hedges' g")
                + ", relative % CI by the delta method" + (sides.paired() ? " with the covariance term" : ""));
        return extras;
    }
}
