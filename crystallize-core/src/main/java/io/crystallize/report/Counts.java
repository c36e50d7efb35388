package io.crystallize.report;

import io.crystallize.hypothesis.Verdict;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many verdicts have each status. */
record Counts(Map<Verdict.Status, Integer> byStatus, int total) {

    static Counts of(List<VerdictRow> rows) {
        Map<Verdict.Status, Integer> counts = new EnumMap<>(Verdict.Status.class);
        for (Verdict.Status s : Verdict.Status.values()) {
            counts.put(s, 0);
        }
        for (VerdictRow row : rows) {
            counts.merge(row.verdict().status(), 1, Integer::sum);
        }
        return new Counts(counts, rows.size());
    }

    int of(Verdict.Status status) {
        return byStatus.get(status);
    }

    /** True when no verdict failed, errored or was inconclusive. */
    boolean allSupported() {
        return of(Verdict.Status.SUPPORTED) == total;
    }

    /** "3 supported · 1 not supported" (statuses that occur, in table order); "no verdicts" when none. */
    String text() {
        StringBuilder s = new StringBuilder();
        for (Verdict.Status status : ordered()) {
            if (of(status) > 0) {
                s.append(s.length() == 0 ? "" : " · ").append(of(status)).append(' ')
                        .append(VerdictRow.label(status).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return s.length() == 0 ? "no verdicts" : s.toString();
    }

    /** Badges for the statuses that occur. */
    void html(StringBuilder out) {
        out.append("<ul class=\"counts\" aria-label=\"Verdicts by status\">");
        if (total == 0) {
            out.append("<li><span class=\"badge\">no verdicts</span></li>");
        }
        for (Verdict.Status status : ordered()) {
            if (of(status) > 0) {
                out.append("<li><span class=\"badge ").append(status.name()).append("\">").append(of(status)).append(' ')
                        .append(VerdictRow.label(status).toLowerCase(java.util.Locale.ROOT)).append("</span></li>");
            }
        }
        out.append("</ul>\n");
    }

    private static List<Verdict.Status> ordered() {
        return List.of(Verdict.Status.NOT_SUPPORTED, Verdict.Status.ERROR, Verdict.Status.INCONCLUSIVE,
                Verdict.Status.SUPPORTED);
    }
}
