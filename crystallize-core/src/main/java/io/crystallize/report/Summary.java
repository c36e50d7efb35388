package io.crystallize.report;

import io.crystallize.hypothesis.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.md}: the verdict table in GitHub-flavoured Markdown, for a CI job summary or a
 * pull-request comment, with links into the HTML report (relative to the summary's directory).
 */
final class Summary {

    /** Rows written at most: job summaries and comments have size limits. */
    static final int ROWS = 300;

    private Summary() {
    }

    static String render(List<ExperimentEntry> entries) {
        List<VerdictRow> rows = new ArrayList<>();
        entries.forEach(e -> rows.addAll(e.rows()));
        rows.sort(VerdictRow.FAILING_FIRST);
        Counts counts = Counts.of(rows);
        StringBuilder out = new StringBuilder(4096);
        out.append("## Crystallize: ").append(counts.allSupported() && counts.total() > 0 ? "every hypothesis supported"
                : counts.text()).append("\n\n")
                .append(rows.size()).append(rows.size() == 1 ? " verdict" : " verdicts").append(" from ")
                .append(entries.size()).append(entries.size() == 1 ? " experiment" : " experiments").append(" (")
                .append(counts.text()).append("). Full report: [index.html](index.html).\n\n");
        if (rows.isEmpty()) {
            return out.toString();
        }
        out.append("| Status | Experiment | Hypothesis | Treatment | Metric | Difference [95% CI] | Relative [95% CI] "
                + "| p (adjusted) | n |\n|---|---|---|---|---|---:|---:|---:|---:|\n");
        int written = 0;
        for (VerdictRow row : rows) {
            if (written++ == ROWS) {
                out.append("\n").append(rows.size() - ROWS).append(" more verdicts are in the [full report](index.html).\n");
                break;
            }
            Verdict v = row.verdict();
            out.append("| ").append(icon(v.status())).append(' ').append(VerdictRow.label(v.status())).append(" | [")
                    .append(cell(row.experiment())).append("](").append(row.page()).append(") | [")
                    .append(cell(row.hypothesis().name())).append("](").append(row.link()).append(") | ")
                    .append(cell(v.treatment())).append(" | ").append(cell(v.metric())).append(" | ")
                    .append(cell(joined(Numbers.signed(v.difference()), Numbers.interval(v.ciLow(), v.ciHigh(), false))))
                    .append(" | ").append(cell(joined(Numbers.percent(v.relativePercent()),
                            Numbers.interval(v.relativeCiLow(), v.relativeCiHigh(), true))))
                    .append(" | ").append(Numbers.p(v.pValue()))
                    .append(Double.isNaN(v.adjustedPValue()) ? "" : " (" + Numbers.p(v.adjustedPValue()) + ")")
                    .append(" | ").append(VerdictTable.sizes(v)).append(" |\n");
        }
        return out.toString();
    }

    private static String icon(Verdict.Status status) {
        return switch (status) {
            case SUPPORTED -> "✅";
            case NOT_SUPPORTED -> "❌";
            case INCONCLUSIVE -> "⚠️";
            case ERROR -> "⛔";
        };
    }

    private static String joined(String value, String interval) {
        return interval.isEmpty() ? value : value + " " + interval;
    }

    /** Table cells cannot hold a pipe or a line break. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }
}
