package io.crystallize.junit;

import io.crystallize.core.Result;
import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.internal.text.Decimals;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact table printed after each experiment: one row per hypothesis, treatment and metric
 * with the verdict, the effect and its 95% CI, the adjusted p-value, n and the minimal detectable
 * effect, so the evidence shows in a build log whether the tests passed or not.
 */
final class VerdictTable {

    private static final String[] HEADER = {"hypothesis[treatment]", "metric", "verdict", "effect (95% CI)",
        "adjusted p", "n", "MDE (80%)"};

    private VerdictTable() {
    }

    /**
     * The table of the treatment tests that ran, each named {@code hypothesis[treatment]}.
     *
     * @param tests the (hypothesis, treatment) pairs in the order they ran
     */
    static String of(Result result, List<Test> tests) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Test test : tests) {
            HypothesisResult hypothesis = result.getHypothesis(test.hypothesis()).orElse(null);
            if (hypothesis == null) {
                continue;
            }
            for (Verdict v : hypothesis.verdicts(test.treatment())) {
                rows.add(new String[] {test.method() + "[" + test.treatment() + "]", v.metric(), v.status().name(),
                    effect(v), p(v.adjustedPValue()), n(v), number(v.mde())});
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Crystallize verdicts of ").append(result.experiment()).append(" (").append(result.replicates())
                .append(" replicates, master seed ").append(result.masterSeed());
        if (!result.errors().isEmpty()) {
            out.append(", ").append(result.errors().size()).append(" failed runs");
        }
        out.append("):\n");
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Relative change with its CI where the baseline mean allows it, else the difference in metric units. */
    static String effect(Verdict v) {
        if (Double.isFinite(v.relativePercent())) {
            String effect = percent(v.relativePercent());
            if (Double.isFinite(v.relativeCiLow()) && Double.isFinite(v.relativeCiHigh())) {
                effect += " [" + percent(v.relativeCiLow()) + ", " + percent(v.relativeCiHigh()) + "]";
            }
            return effect;
        }
        if (Double.isFinite(v.difference())) {
            String effect = signed(v.difference());
            if (Double.isFinite(v.ciLow()) && Double.isFinite(v.ciHigh())) {
                effect += " [" + signed(v.ciLow()) + ", " + signed(v.ciHigh()) + "]";
            }
            return effect;
        }
        return "-";
    }

    static String n(Verdict v) {
        if (v.nPairs() >= 0) {
            return v.nPairs() + " pairs";
        }
        if (v.nBaseline() < 0 && v.nTreatment() < 0) {
            return "-";
        }
        return v.nTreatment() + " vs " + v.nBaseline();
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p != 0 && p < 1e-4 ? Decimals.significant(p, 2) : Decimals.fixed(p, 4);
    }

    private static String percent(double v) {
        return (v > 0 ? "+" : "") + Decimals.fixed(v, 1) + "%";
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + Decimals.significant(v, 3);
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Decimals.significant(v, 3) : "-";
    }

    /**
     * One treatment test.
     *
     * @param hypothesis the hypothesis's name in the result
     * @param method     the hypothesis method, as the test is named
     * @param treatment  the treatment
     */
    record Test(String hypothesis, String method, String treatment) {
    }
}
