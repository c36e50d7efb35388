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

    @Override
    List<String> extras(Samples s, Sides sides, TestResult result, double nullDifference) {
        return List.of(successes(sides.treatment()) + " successes in the treatment's " + sides.nTreatment()
                + " runs against the baseline's observed rate " + Outcomes.number(sides.baselineMean()) + " ("
                + successes(sides.baseline()) + "/" + sides.nBaseline() + ") taken as known",
                "effect: difference of success rates with its Welch (Wald-type) 95% CI");
    }
}
