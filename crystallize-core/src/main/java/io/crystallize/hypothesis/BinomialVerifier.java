package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.Binomial;
import io.crystallize.stats.TestResult;
import java.util.List;

/**
 * Exact binomial test of the treatment's successes against the baseline's observed success rate,
 * taken as known: k successes in the treatment's n runs vs p0 = the baseline's mean. It ignores the
 * baseline rate's own sampling error, so it suits a baseline measured on many more runs than the
 * treatment (a reference rate); with comparable sides use {@code fisherExact()}. No design figures.
 */
final class BinomialVerifier extends SuccessVerifier {

    @Override
    public String name() {
        return "binomial";
    }

    @Override
    String testName(boolean paired, boolean equivalence) {
        return "binomial";
    }

    @Override
    Design design(boolean paired) {
        return Design.NONE;
    }

    @Override
    TestResult test(Sides sides, Alternative alternative, double nullDifference) {
        int k = (int) successes(sides.treatment());
        return Binomial.test(k, sides.nTreatment(), sides.baselineMean(), alternative);
    }

    /** The baseline's rate is the test's null: a constant baseline makes it 0 or 1, read off random data. */
    @Override
    boolean noVariance(Sides sides) {
        return Outcomes.constant(sides.baseline());
    }

    /** All the treatment's runs successes (failures for "less") against the baseline's rate. */
    @Override
    double smallestP(Sides sides, Alternative alternative, double nullDifference) {
        int n = sides.nTreatment();
        double rate = sides.baselineMean();
        return switch (alternative) {
            case GREATER -> Binomial.test(n, n, rate, alternative).pValue();
            case LESS -> Binomial.test(0, n, rate, alternative).pValue();
            case TWO_SIDED -> Math.min(Binomial.test(n, n, rate, alternative).pValue(),
                    Binomial.test(0, n, rate, alternative).pValue());
        };
    }

    /** n treatment runs against the actual baseline (its rate is the null). */
    @Override
    Sides synthetic(int n, Sides actual) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return new Sides(actual.baseline(), ones, false);
    }

    @Override
    List<String> extras(Samples s, Sides sides, TestResult result, double nullDifference) {
        return List.of(successes(sides.treatment()) + " successes in the treatment's " + sides.nTreatment()
                + " runs against the baseline's observed rate " + Outcomes.number(sides.baselineMean()) + " ("
                + successes(sides.baseline()) + "/" + sides.nBaseline() + ") taken as known",
                "effect: difference of success rates with its Welch (Wald-type) 95% CI");
    }
}
