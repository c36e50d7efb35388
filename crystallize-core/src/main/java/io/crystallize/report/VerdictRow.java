package io.crystallize.report;

import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One line of a verdict table: a hypothesis's verdict for one treatment and metric, where its
 * experiment's page is and the row's anchor on it.
 */
record VerdictRow(String experiment, String page, HypothesisResult hypothesis, Verdict verdict, String anchor) {

    /** Failing verdicts first, then ERROR, INCONCLUSIVE and SUPPORTED; declaration order within each. */
    static final Comparator<VerdictRow> FAILING_FIRST = Comparator.comparingInt(row -> rank(row.verdict().status()));

    static int rank(Verdict.Status status) {
        return switch (status) {
            case NOT_SUPPORTED -> 0;
            case ERROR -> 1;
            case INCONCLUSIVE -> 2;
            case SUPPORTED -> 3;
        };
    }

    /** Every verdict of an experiment in declaration order, each with an anchor unique on its page. */
    static List<VerdictRow> of(String experiment, String page, List<HypothesisResult> hypotheses) {
        List<VerdictRow> rows = new ArrayList<>();
        Set<String> anchors = new HashSet<>();
        for (HypothesisResult h : hypotheses) {
            for (Verdict v : h.verdicts()) {
                String base = "v-" + Html.id(h.name() + "--" + v.treatment() + "--" + v.metric());
                String anchor = base;
                for (int i = 2; !anchors.add(anchor); i++) {
                    anchor = base + "-" + i;
                }
                rows.add(new VerdictRow(experiment, page, h, v, anchor));
            }
        }
        return rows;
    }

    /** The row on its experiment's page, relative to the report's directory. */
    String link() {
        return page + "#" + anchor;
    }

    /** "NOT SUPPORTED". */
    static String label(Verdict.Status status) {
        return status.name().replace('_', ' ');
    }
}
