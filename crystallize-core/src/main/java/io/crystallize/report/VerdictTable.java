package io.crystallize.report;

import io.crystallize.hypothesis.Verdict;
import java.util.List;

/** The verdict table: hypothesis × treatment × metric with every number a verdict carries. */
final class VerdictTable {

    private static final String[] COLUMNS = {"Mean: baseline &rarr; treatment", "Difference [95% CI]", "Relative [95% CI]",
        "Test", "p (adjusted)", "Effect size", "n", "MDE (80% power)"};

    private VerdictTable() {
    }

    /**
     * Writes the table, rows in the given order.
     *
     * @param linkPrefix  prefix of links to rows on experiment pages ("" from the index); null to
     *                    anchor rows here instead (on the experiment's own page)
     */
    static void write(StringBuilder out, List<VerdictRow> rows, String caption, String linkPrefix) {
        boolean index = linkPrefix != null;
        int columns = COLUMNS.length + (index ? 5 : 4);
        out.append("<div class=\"table-wrap\"><table class=\"verdicts\">\n<caption>").append(Html.escape(caption))
                .append("</caption>\n<thead><tr><th scope=\"col\">Status</th>");
        if (index) {
            out.append("<th scope=\"col\">Experiment</th>");
        }
        out.append("<th scope=\"col\">Hypothesis</th><th scope=\"col\">Treatment</th><th scope=\"col\">Metric</th>");
        for (String column : COLUMNS) {
            boolean numeric = !column.equals("Test");
            out.append("<th scope=\"col\"").append(numeric ? " class=\"num\"" : "").append('>').append(column)
                    .append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (VerdictRow row : rows) {
            Verdict v = row.verdict();
            String status = v.status().name();
            out.append("<tr class=\"verdict row-").append(status).append('"');
            if (!index) {
                out.append(" id=\"").append(row.anchor()).append('"');
            }
            out.append(" data-experiment=\"").append(Html.escape(row.experiment()))
                    .append("\" data-hypothesis=\"").append(Html.escape(row.hypothesis().name()))
                    .append("\" data-treatment=\"").append(Html.escape(v.treatment()))
                    .append("\" data-metric=\"").append(Html.escape(v.metric()))
                    .append("\" data-status=\"").append(status).append("\">");
            out.append("<td><span class=\"badge ").append(status).append("\">").append(VerdictRow.label(v.status()))
                    .append("</span></td>");
            if (index) {
                out.append("<td><a href=\"").append(Html.escape(linkPrefix + row.page())).append("\">")
                        .append(Html.escape(row.experiment())).append("</a></td>");
                out.append("<th scope=\"row\"><a href=\"").append(Html.escape(linkPrefix + row.link())).append("\">")
                        .append(Html.escape(row.hypothesis().name())).append("</a></th>");
            } else {
                out.append("<th scope=\"row\">").append(Html.escape(row.hypothesis().name())).append("</th>");
            }
            cell(out, v.treatment(), false);
            cell(out, v.metric(), false);
            cell(out, Numbers.number(v.baselineMean()) + " → " + Numbers.number(v.treatmentMean()), true);
            cell(out, joined(Numbers.signed(v.difference()), Numbers.interval(v.ciLow(), v.ciHigh(), false)), true);
            cell(out, joined(Numbers.percent(v.relativePercent()),
                    Numbers.interval(v.relativeCiLow(), v.relativeCiHigh(), true)), true);
            cell(out, v.test() == null || v.test().isBlank() ? Numbers.NONE : v.test(), false);
            cell(out, Numbers.p(v.pValue()) + (Double.isNaN(v.adjustedPValue()) ? ""
                    : " (" + v.correction() + " " + Numbers.p(v.adjustedPValue()) + ")"), true);
            cell(out, Numbers.number(v.effectSize()) + (Double.isNaN(v.effectSize()) || v.effectSizeName().isBlank() ? ""
                    : " " + v.effectSizeName()), true);
            cell(out, sizes(v), true);
            cell(out, Numbers.number(v.mde()) + (Double.isNaN(v.mdeStandardized()) ? ""
                    : " (" + Numbers.number(v.mdeStandardized()) + " SD)"), true);
            out.append("</tr>\n<tr class=\"detail row-").append(status).append("\"><td colspan=\"").append(columns)
                    .append("\"><div class=\"detail-text\">").append(Html.escape(v.message()));
            if (!index && v.method() != null && !v.method().isBlank()) { // the index links to the method instead
                out.append("<span class=\"method\">Method: ").append(Html.escape(v.method())).append("</span>");
            }
            out.append("</div></td></tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }

    /** "30 pairs", "28 / 30", or n/a. */
    static String sizes(Verdict v) {
        if (v.nPairs() >= 0) {
            return v.nPairs() + " pairs";
        }
        if (v.nBaseline() < 0 && v.nTreatment() < 0) {
            return Numbers.NONE;
        }
        return Numbers.count(v.nBaseline()) + " / " + Numbers.count(v.nTreatment());
    }

    private static String joined(String value, String interval) {
        return interval.isEmpty() ? value : value + " " + interval;
    }

    private static void cell(StringBuilder out, String text, boolean numeric) {
        out.append(numeric ? "<td class=\"num\">" : "<td>").append(Html.escape(text)).append("</td>");
    }
}
