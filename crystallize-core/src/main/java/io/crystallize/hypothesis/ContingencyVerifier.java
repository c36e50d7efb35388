package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.ContingencyTests;
import io.crystallize.stats.TestMethod;
import io.crystallize.stats.TestResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Fisher's exact, Pearson chi-square and G-test on the 2x2 successes table of a 0/1 metric.
 * Fisher's one-sided alternatives are about the odds ratio (treatment vs baseline). Chi-square
 * and G are two-sided by nature; a one-sided alternative uses the signed root of the 1-df
 * statistic, z = sign(rate difference) · √statistic, against the standard normal (the
 * two-proportion z-test for chi-square without Yates), which halves the two-sided p when the
 * difference lies in the alternative's direction.
 */
final class ContingencyVerifier extends SuccessVerifier {

    enum Kind { FISHER, CHI_SQUARE, G_TEST }

    private final Kind kind;
    private final boolean yates;

    ContingencyVerifier(Kind kind, boolean yates) {
        this.kind = kind;
        this.yates = yates;
    }

    @Override
    public String name() {
        return switch (kind) {
            case FISHER -> "Fisher exact";
            case CHI_SQUARE -> yates ? "chi-square (Yates)" : "chi-square";
            case G_TEST -> yates ? "G-test (Yates)" : "G-test";
        };
    }

    @Override
    String testName(boolean paired, boolean equivalence) {
        return name();
    }

    @Override
    TestResult test(Sides sides, Alternative alternative, double nullDifference) {
        long[][] table = table(sides);
        if (kind == Kind.FISHER) {
            return ContingencyTests.fisherExact(table, alternative);
        }
        TestResult r = kind == Kind.CHI_SQUARE ? ContingencyTests.chiSquare(table, yates)
                : ContingencyTests.gTest(table, yates);
        if (alternative == Alternative.TWO_SIDED) {
            return r;
        }
        double rateDifference = (double) table[0][0] / sides.nTreatment() - (double) table[1][0] / sides.nBaseline();
        double z = Math.signum(rateDifference) * Math.sqrt(r.statistic());
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double p = alternative == Alternative.GREATER ? normal.survivalProbability(z) : normal.cumulativeProbability(z);
        TestMethod m = r.method();
        TestMethod oneSided = new TestMethod(m.computation(), m.continuityCorrection(), m.tieHandling(),
                m.zeroHandling(), m.description() + ", one-sided by the signed root z = " + Outcomes.number(z));
        return new TestResult(r.test(), oneSided, alternative, r.statistic(), p, r.degreesOfFreedom(),
                r.sampleSizes(), null);
    }

    /** Every run of both conditions the same outcome: the table has an empty column. */
    @Override
    boolean noVariance(Sides sides) {
        long[][] t = table(sides);
        return t[0][0] + t[1][0] == 0 || t[0][1] + t[1][1] == 0;
    }

    /** Fisher's exact test: the most extreme table with the observed margins; the asymptotic tests have no floor here. */
    @Override
    double smallestP(Sides sides, Alternative alternative, double nullDifference) {
        if (kind != Kind.FISHER) {
            return 0;
        }
        long[][] t = table(sides);
        long treated = t[0][0] + t[0][1];
        long successes = t[0][0] + t[1][0];
        long most = Math.min(treated, successes);
        long least = Math.max(0, successes - (t[1][0] + t[1][1]));
        return switch (alternative) {
            case GREATER -> fisherAt(t, most, alternative);
            case LESS -> fisherAt(t, least, alternative);
            case TWO_SIDED -> Math.min(fisherAt(t, most, alternative), fisherAt(t, least, alternative));
        };
    }

    private static double fisherAt(long[][] t, long treatedSuccesses, Alternative alternative) {
        long treated = t[0][0] + t[0][1];
        long baseline = t[1][0] + t[1][1];
        long baselineSuccesses = t[0][0] + t[1][0] - treatedSuccesses;
        return ContingencyTests.fisherExact(new long[][] {{treatedSuccesses, treated - treatedSuccesses},
                {baselineSuccesses, baseline - baselineSuccesses}}, alternative).pValue();
    }

    /** n failures in the baseline, n successes in the treatment. */
    @Override
    Sides synthetic(int n, Sides actual) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return new Sides(new double[n], ones, false);
    }

    @Override
    List<String> extras(Samples s, Sides sides, TestResult result, double nullDifference) {
        List<String> extras = new ArrayList<>();
        extras.add(tableText(table(sides)));
        if (kind == Kind.FISHER) {
            extras.add("statistic: sample odds ratio " + Outcomes.number(result.statistic()));
        }
        extras.add("effect: difference of success rates with its Welch (Wald-type) 95% CI");
        return extras;
    }
}
