package io.crystallize.hypothesis;

import io.crystallize.internal.text.Decimals;
import io.crystallize.stats.Computation;
import io.crystallize.stats.TestMethod;
import io.crystallize.stats.TestResult;
import java.util.List;

/**
 * Builds a verdict's method string from the stats library's {@link TestMethod}: the test's own
 * description, the alternative about treatment − baseline (with any margin), exact / asymptotic /
 * Monte Carlo, continuity correction, tie and zero handling, and n per side, then any extras.
 */
final class MethodText {

    private MethodText() {
    }

    static String of(TestResult r, Sides sides, String hypothesis, List<String> extras) {
        TestMethod m = r.method();
        StringBuilder text = new StringBuilder(320).append(m.description());
        if (Double.isFinite(r.degreesOfFreedom()) && !m.description().contains("F(")) {
            text.append(", df=").append(dfText(r.degreesOfFreedom()));
        }
        text.append("; alternative: ").append(hypothesis)
                .append("; ").append(computation(m.computation()))
                .append("; ").append(m.continuityCorrection() ? "continuity correction" : "no continuity correction");
        if (!"not applicable".equals(m.tieHandling())) {
            text.append("; ties: ").append(m.tieHandling());
        }
        if (!"not applicable".equals(m.zeroHandling())) {
            text.append("; zeros: ").append(m.zeroHandling());
        }
        text.append("; ").append(n(sides));
        for (String extra : extras) {
            text.append("; ").append(extra);
        }
        return text.toString();
    }

    static String n(Sides sides) {
        return sides.paired() ? "n = " + sides.nBaseline() + " replicate-matched pairs"
                : "n = baseline " + sides.nBaseline() + ", treatment " + sides.nTreatment();
    }

    static String computation(Computation c) {
        return switch (c) {
            case EXACT -> "exact";
            case ASYMPTOTIC -> "asymptotic";
            case MONTE_CARLO -> "Monte Carlo";
        };
    }

    /**
     * The tested hypothesis about treatment − baseline, e.g. {@code greater: treatment − baseline >
     * -2.5 (non-inferiority margin 2.5)}.
     */
    static String hypothesis(Verifier.Question q, double baselineMean) {
        Expectation e = q.expectation();
        double margin = e.absoluteMargin(baselineMean);
        String relative = e.relative() ? " = " + Outcomes.trimmed(e.margin()) + "% of the baseline mean" : "";
        if (e.kind() == Expectation.Kind.EQUIVALENT_WITHIN) {
            return "equivalence: " + Outcomes.signed(-margin) + " < treatment − baseline < " + Outcomes.signed(margin)
                    + " (margin " + Outcomes.number(margin) + relative + "; two one-sided tests, p = the larger)";
        }
        String alternative = e.alternative(q.direction());
        double shift = e.nullDifference(q.direction(), baselineMean);
        String op = switch (alternative) {
            case "greater" -> " > ";
            case "less" -> " < ";
            default -> " ≠ ";
        };
        String text = alternative + ": treatment − baseline" + op + (shift == 0 ? "0" : Outcomes.signed(shift));
        return switch (e.kind()) {
            case BETTER_BY_AT_LEAST -> text + " (superiority margin " + Outcomes.number(margin) + relative + ")";
            case NOT_WORSE_BY_MORE_THAN -> text + " (non-inferiority margin " + Outcomes.number(margin) + relative + ")";
            default -> text;
        };
    }

    /**
     * The tested hypothesis about treatment and baseline: for a relative margin the ratio tested,
     * e.g. {@code greater: treatment − 1.05 × baseline > 0 (superiority margin 5% of the baseline
     * mean, tested as a ratio: the baseline's uncertainty included)}; otherwise as
     * {@link #hypothesis(Verifier.Question, double)}.
     */
    static String hypothesis(Verifier.Question q, Sides sides) {
        Expectation e = q.expectation();
        if (!Margin.ratioTested(e)) {
            return hypothesis(q, sides.baselineMean());
        }
        String percent = Outcomes.trimmed(e.margin()) + "% of the baseline mean";
        String asRatio = "tested as a ratio: the baseline's values scaled, their uncertainty included";
        if (e.kind() == Expectation.Kind.EQUIVALENT_WITHIN) {
            return "equivalence: " + ratio(Margin.lower(q, sides).ratio()) + " × baseline < treatment < "
                    + ratio(Margin.upper(q, sides).ratio()) + " × baseline (margin " + percent + ", " + asRatio
                    + "; two one-sided tests, p = the larger)";
        }
        String alternative = e.alternative(q.direction());
        String op = "greater".equals(alternative) ? " > " : " < ";
        String kind = e.kind() == Expectation.Kind.BETTER_BY_AT_LEAST ? "superiority" : "non-inferiority";
        return alternative + ": treatment − " + ratio(Margin.of(q, sides).ratio()) + " × baseline" + op + "0 ("
                + kind + " margin " + percent + ", " + asRatio + ")";
    }

    private static String ratio(double r) {
        return Outcomes.trimmed(Math.round(r * 1e9) / 1e9);
    }

    private static String dfText(double df) {
        return df == Math.rint(df) ? String.valueOf((long) df) : Decimals.fixed(df, 1);
    }
}
