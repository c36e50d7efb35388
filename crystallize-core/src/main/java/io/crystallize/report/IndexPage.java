package io.crystallize.report;

import io.crystallize.core.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The report's first page: every experiment with its verdict counts, then every verdict, failing first. */
final class IndexPage {

    private IndexPage() {
    }

    static String render(List<ExperimentEntry> entries, Instant generated) {
        StringBuilder out = new StringBuilder(16_384);
        List<VerdictRow> rows = new ArrayList<>();
        entries.forEach(e -> rows.addAll(e.rows()));
        rows.sort(VerdictRow.FAILING_FIRST);
        Counts counts = Counts.of(rows);
        Page.head(out, "Crystallize report — " + counts.text());
        out.append("<header>\n<h1>Crystallize report</h1>\n<p class=\"lede\">").append(entries.size())
                .append(entries.size() == 1 ? " experiment &middot; " : " experiments &middot; ").append(rows.size())
                .append(rows.size() == 1 ? " verdict" : " verdicts").append("</p>\n");
        counts.html(out);
        out.append("<nav class=\"toc\" aria-label=\"Sections\"><a href=\"#experiments\">Experiments</a>\n")
                .append("<a href=\"#verdicts\">All verdicts</a>\n<a href=\"summary.md\">summary.md</a></nav>\n</header>\n")
                .append("<main>\n<section id=\"experiments\" aria-labelledby=\"experiments-title\">\n")
                .append("<h2 id=\"experiments-title\">Experiments</h2>\n")
                .append("<div class=\"table-wrap\"><table class=\"experiments\">\n")
                .append("<caption>Each experiment's page has its plots, history, configuration and failed runs.</caption>\n")
                .append("<thead><tr><th scope=\"col\">Experiment</th><th scope=\"col\">Verdicts</th>")
                .append("<th scope=\"col\">Version</th><th scope=\"col\" class=\"num\">Replicates</th>")
                .append("<th scope=\"col\">Conditions</th><th scope=\"col\" class=\"num\">Failed runs</th>")
                .append("<th scope=\"col\" class=\"num\">Took</th></tr></thead>\n<tbody>\n");
        for (ExperimentEntry e : entries) {
            Result r = e.result();
            out.append("<tr data-experiment=\"").append(Html.escape(r.experiment())).append("\"><th scope=\"row\">")
                    .append("<a href=\"").append(Html.escape(e.page())).append("\">").append(Html.escape(r.experiment()))
                    .append("</a></th><td>");
            Counts.of(e.rows()).html(out);
            out.append("</td><td>").append(Html.escape(e.version() == null ? "not stored" : e.version()))
                    .append("</td><td class=\"num\">").append(r.replicates()).append("</td><td>")
                    .append(Html.escape(String.join(", ", r.conditions()))).append("</td><td class=\"num\">")
                    .append(r.errors().size()).append("</td><td class=\"num\">")
                    .append(r.started() == null || r.finished() == null ? Numbers.NONE
                            : Html.escape(Numbers.seconds(Duration.between(r.started(), r.finished()).toNanos() / 1e9)))
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table></div>\n</section>\n<section id=\"verdicts\" aria-labelledby=\"verdicts-title\">\n")
                .append("<h2 id=\"verdicts-title\">All verdicts</h2>\n");
        if (rows.isEmpty()) {
            out.append("<p class=\"note\">No hypothesis was verified.</p>\n");
        } else {
            VerdictTable.write(out, rows, "Every verdict of every experiment, failing and inconclusive first; "
                    + "a hypothesis links to its row on the experiment's page.", "");
        }
        out.append("</section>\n</main>\n");
        Page.foot(out, generated, null);
        return out.toString();
    }
}
