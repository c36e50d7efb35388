package io.crystallize.report;

import io.crystallize.base.Names;
import io.crystallize.base.RunFailure;
import io.crystallize.core.Result;
import io.crystallize.hypothesis.Direction;
import io.crystallize.hypothesis.Expectation;
import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The page of one experiment: verdicts, forest plots, distributions, history, configuration, failures, files. */
final class ExperimentPage {

    /** Failed runs shown with their stack traces; the rest are listed in the result's JSON. */
    static final int FAILURES_SHOWN = 50;
    /** Replicate seeds listed; the rule gives the others. */
    static final int SEEDS_SHOWN = 100;

    private final ExperimentEntry entry;
    private final Result result;
    private final Path pageDirectory;
    private final HistoryCache historyCache;
    private final StringBuilder out = new StringBuilder(32_768);
    private final ChartData data = new ChartData();
    private int charts;

    /** @param historyCache means of stored versions already read, for the history */
    ExperimentPage(ExperimentEntry entry, Path pageDirectory, HistoryCache historyCache) {
        this.entry = entry;
        this.result = entry.result();
        this.pageDirectory = pageDirectory;
        this.historyCache = historyCache;
    }

    String render(Instant generated) {
        data.beginObject().key("charts").beginObject();
        Page.head(out, result.experiment() + " — Crystallize report");
        header();
        out.append("<main>\n");
        verdicts();
        hypotheses();
        distributions();
        history();
        configuration();
        environment();
        failures();
        files();
        out.append("</main>\n");
        data.endObject().endObject();
        Page.foot(out, generated, data.toString());
        return out.toString();
    }

    private void header() {
        out.append("<header>\n<nav class=\"crumbs\"><a href=\"../index.html\">&larr; All experiments of this report</a></nav>\n")
                .append("<h1>").append(Html.escape(result.experiment())).append("</h1>\n<p class=\"lede\">");
        List<String> facts = new ArrayList<>();
        if (entry.version() != null) {
            facts.add("version " + entry.version());
        }
        facts.add(result.replicates() + " replicates × " + result.conditions().size() + " conditions");
        facts.add("master seed " + result.masterSeed());
        if (result.started() != null) {
            facts.add("started " + result.started());
        }
        if (result.started() != null && result.finished() != null) {
            facts.add("took " + Numbers.seconds(Duration.between(result.started(), result.finished()).toNanos() / 1e9));
        }
        facts.add(result.errors().size() + (result.errors().size() == 1 ? " failed run" : " failed runs"));
        if (!result.reused().isEmpty()) {
            facts.add("runs reused: " + reusedText());
        }
        out.append(Html.escape(String.join(" · ", facts))).append("</p>\n");
        Counts.of(entry.rows()).html(out);
        out.append("<nav class=\"toc\" aria-label=\"Sections\"><a href=\"#verdicts\">Verdicts</a>\n")
                .append("<a href=\"#hypotheses\">Hypotheses</a>\n<a href=\"#distributions\">Distributions</a>\n")
                .append("<a href=\"#history\">History</a>\n<a href=\"#configuration\">Configuration</a>\n")
                .append("<a href=\"#environment\">Environment</a>\n<a href=\"#failures\">Failed runs</a>\n")
                .append("<a href=\"#files\">Files</a></nav>\n</header>\n");
    }

    private void section(String id, String title) {
        out.append("<section id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-title\">\n<h2 id=\"")
                .append(id).append("-title\">").append(Html.escape(title)).append("</h2>\n");
    }

    private void verdicts() {
        section("verdicts", "Verdicts");
        List<VerdictRow> rows = new ArrayList<>(entry.rows());
        if (rows.isEmpty()) {
            out.append("<p class=\"note\">This execution verified no hypothesis.</p>\n");
        } else {
            rows.sort(VerdictRow.FAILING_FIRST);
            VerdictTable.write(out, rows, "Every hypothesis × treatment × metric, failing and inconclusive first. "
                    + "Differences are treatment − baseline with two-sided 95% confidence intervals.", null);
        }
        out.append("</section>\n");
    }

    private void hypotheses() {
        section("hypotheses", "Hypotheses");
        if (result.hypotheses().isEmpty()) {
            out.append("<p class=\"note\">No hypotheses.</p>\n");
        }
        for (HypothesisResult h : result.hypotheses()) {
            out.append("<article id=\"h-").append(Html.id(h.name())).append("\">\n<h3>").append(Html.escape(h.name()))
                    .append("</h3>\n<p>").append(Html.escape(describe(h))).append("</p>\n<div class=\"charts\">\n");
            for (String metric : h.metrics()) {
                String id = forest(h, metric);
                figure(id, "Effect of each treatment on " + metric + " with its 95% CI"
                        + (h.direction() == null ? "" : "; better to the right") + ".");
            }
            out.append("</div>\n</article>\n");
        }
        out.append("</section>\n");
    }

    private static String describe(HypothesisResult h) {
        StringBuilder s = new StringBuilder();
        Expectation e = h.expectation();
        Direction d = h.direction();
        s.append(h.metrics().size() == 1 ? "Metric " : "Metrics ").append(String.join(", ", h.metrics()));
        if (e != null) {
            s.append(": each treatment expected ").append(e);
            if (e.kind() != Expectation.Kind.DIFFERENT && e.kind() != Expectation.Kind.EQUIVALENT_WITHIN) {
                s.append(" than the baseline");
            }
        }
        if (d != null) {
            s.append(" (").append(d == Direction.HIGHER_IS_BETTER ? "higher" : "lower").append(" is better)");
        }
        s.append(". Treatments: ").append(String.join(", ", h.treatments())).append('.');
        if (!h.verdicts().isEmpty()) {
            Verdict first = h.verdicts().get(0);
            if (!Double.isNaN(first.alpha())) {
                s.append(" Alpha ").append(first.alpha()).append(", correction ").append(first.correction()).append('.');
            }
        }
        if (h.ranking() != null && h.ranking().best() != null && h.treatments().size() > 1) {
            s.append(" Ranked best: ").append(h.ranking().best()).append('.');
        }
        return s.toString();
    }

    private String forest(HypothesisResult h, String metric) {
        String id = "c" + charts++;
        data.key(id).beginObject().field("type", "forest").field("metric", metric)
                .field("direction", h.direction() == null ? null : h.direction().name())
                .key("rows").beginArray();
        for (Verdict v : h.verdicts()) {
            if (!v.metric().equals(metric)) {
                continue;
            }
            data.beginObject().field("label", v.treatment()).field("status", v.status().name())
                    .field("est", v.difference()).field("lo", v.ciLow()).field("hi", v.ciHigh()).key("margins")
                    .beginArray();
            for (double margin : margins(h, v)) {
                data.value(margin);
            }
            data.endArray().endObject();
        }
        data.endArray().endObject();
        return id;
    }

    /** The margins to draw, as differences (treatment − baseline) in metric units. */
    static double[] margins(HypothesisResult h, Verdict v) {
        Expectation e = h.expectation();
        if (e == null || h.direction() == null) {
            return new double[0];
        }
        double m = e.absoluteMargin(v.baselineMean());
        if (!Double.isFinite(m)) {
            return new double[0];
        }
        int sign = h.direction().sign();
        return switch (e.kind()) {
            case BETTER_BY_AT_LEAST -> new double[] {sign * m};
            case NOT_WORSE_BY_MORE_THAN -> new double[] {-sign * m};
            case EQUIVALENT_WITHIN -> new double[] {-m, m};
            default -> new double[0];
        };
    }

    private void figure(String id, String caption) {
        out.append("<figure data-chart=\"").append(id).append("\"><figcaption>").append(Html.escape(caption))
                .append("</figcaption><div class=\"plot\"></div></figure>\n");
    }

    private List<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String condition : result.conditions()) {
            names.addAll(result.metrics().getOrDefault(condition, Map.of()).keySet());
        }
        return new ArrayList<>(names);
    }

    private int color(String condition) {
        int i = result.conditions().indexOf(condition);
        return Math.max(0, i);
    }

    private void distributions() {
        section("distributions", "Distributions");
        List<String> metrics = metricNames();
        if (metrics.isEmpty()) {
            out.append("<p class=\"note\">No metric was recorded.</p>\n");
        }
        for (String metric : metrics) {
            out.append("<h3 id=\"m-").append(Html.id(metric)).append("\">").append(Html.escape(metric)).append("</h3>\n");
            List<String> labels = new ArrayList<>();
            List<Distribution> groups = new ArrayList<>();
            List<Integer> colors = new ArrayList<>();
            for (String condition : result.conditions()) {
                labels.add(condition);
                groups.add(Distribution.of(result.metric(condition, metric).values()));
                colors.add(color(condition));
            }
            List<String> pairedLabels = new ArrayList<>();
            List<Distribution> paired = new ArrayList<>();
            List<Integer> pairedColors = new ArrayList<>();
            for (String treatment : pairedTreatments(metric)) {
                pairedLabels.add(treatment + " − " + Names.BASELINE);
                paired.add(Distribution.of(PairedDifferences.of(result.metric(Names.BASELINE, metric),
                        result.metric(treatment, metric))));
                pairedColors.add(color(treatment));
            }
            out.append("<div class=\"charts\">\n");
            figure(distribution(metric, labels, groups, colors, false), "Every condition's values of " + metric
                    + ": box from first to third quartile with the median, whiskers to the furthest values within 1.5 IQR, "
                    + "the mean as a diamond" + pointsNote(groups) + ".");
            if (!paired.isEmpty()) {
                figure(distribution(metric, pairedLabels, paired, pairedColors, true), "Paired differences of " + metric
                        + " (treatment − baseline, by replicate: the values the paired tests use).");
            }
            out.append("</div>\n");
            statistics(metric, labels, groups, "Exact statistics of " + metric + " per condition.", "Condition");
            if (!paired.isEmpty()) {
                statistics(metric, pairedLabels, paired, "Exact statistics of the paired differences of " + metric + ".",
                        "Difference");
            }
        }
        out.append("</section>\n");
    }

    private static String pointsNote(List<Distribution> groups) {
        if (groups.stream().anyMatch(g -> g.n() > Distribution.SUBSAMPLE)) {
            return "; points are " + Distribution.POINTS + " evenly spaced quantiles of a fixed random sample of "
                    + Distribution.SUBSAMPLE + " values of each condition (the statistics below use every value)";
        }
        if (groups.stream().anyMatch(g -> g.n() > Distribution.POINTS)) {
            return "; points are " + Distribution.POINTS + " evenly spaced quantiles of each condition's values";
        }
        return "";
    }

    /** Treatments with a paired verdict on this metric, in condition order. */
    private List<String> pairedTreatments(String metric) {
        Set<String> paired = new LinkedHashSet<>();
        for (String condition : result.conditions()) {
            for (HypothesisResult h : result.hypotheses()) {
                for (Verdict v : h.verdicts()) {
                    if (v.treatment().equals(condition) && v.metric().equals(metric) && v.nPairs() >= 0) {
                        paired.add(condition);
                    }
                }
            }
        }
        return new ArrayList<>(paired);
    }

    private String distribution(String metric, List<String> labels, List<Distribution> groups, List<Integer> colors,
            boolean differences) {
        String id = "c" + charts++;
        data.key(id).beginObject().field("type", "distribution").field("metric", metric).field("zero", differences)
                .key("groups").beginArray();
        for (int i = 0; i < groups.size(); i++) {
            Distribution g = groups.get(i);
            data.beginObject().field("label", labels.get(i)).field("color", colors.get(i)).field("n", g.n())
                    .field("mean", g.mean()).field("median", g.median()).field("q1", g.q1()).field("q3", g.q3())
                    .field("min", g.min()).field("max", g.max()).field("whiskerLow", g.whiskerLow())
                    .field("whiskerHigh", g.whiskerHigh()).key("points").values(g.sample(), g.sample().length)
                    .endObject();
        }
        data.endArray().endObject();
        return id;
    }

    private void statistics(String metric, List<String> labels, List<Distribution> groups, String caption,
            String first) {
        out.append("<div class=\"table-wrap\"><table class=\"statistics\" data-metric=\"").append(Html.escape(metric))
                .append("\">\n<caption>").append(Html.escape(caption)).append("</caption>\n<thead><tr><th scope=\"col\">")
                .append(first).append("</th>");
        for (String column : new String[] {"n", "Mean", "SD", "Min", "Q1", "Median", "Q3", "Max", "Non-finite"}) {
            out.append("<th scope=\"col\" class=\"num\">").append(column).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < groups.size(); i++) {
            Distribution g = groups.get(i);
            out.append("<tr><th scope=\"row\">").append(Html.escape(labels.get(i))).append("</th>");
            numbers(Integer.toString(g.n()), Numbers.number(g.mean()), Numbers.number(g.sd()), Numbers.number(g.min()),
                    Numbers.number(g.q1()), Numbers.number(g.median()), Numbers.number(g.q3()), Numbers.number(g.max()),
                    Integer.toString(g.nonFinite()));
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }

    private void numbers(String... cells) {
        for (String cell : cells) {
            out.append("<td class=\"num\">").append(Html.escape(cell)).append("</td>");
        }
    }

    private void history() {
        section("history", "History");
        History history = History.of(result, entry.versionDirectory(), historyCache);
        for (String note : history.notes()) {
            out.append("<p class=\"note\">").append(Html.escape(note)).append("</p>\n");
        }
        List<History.Point> points = history.points();
        if (points.size() < 2) {
            out.append("<p class=\"note\">No earlier version of ").append(Html.escape(result.experiment()))
                    .append(" was found").append(entry.versionDirectory() == null ? ""
                            : " under " + Html.escape(entry.versionDirectory().toAbsolutePath().getParent().toString()))
                    .append(": the trend across builds appears from the next execution on.</p>\n</section>\n");
            return;
        }
        out.append("<div class=\"charts\">\n");
        List<String> metrics = metricNames();
        for (String metric : metrics) {
            figure(historyChart(metric, points), "Mean of " + metric + " with its 95% CI, per condition, in the last "
                    + points.size() + " versions.");
        }
        out.append("</div>\n<details><summary>The numbers behind the history</summary>\n");
        for (String metric : metrics) {
            out.append("<div class=\"table-wrap\"><table class=\"history\">\n<caption>").append(Html.escape(metric))
                    .append(": mean and 95% CI per version and condition.</caption>\n<thead><tr>")
                    .append("<th scope=\"col\">Version</th><th scope=\"col\">Started</th><th scope=\"col\">Condition</th>")
                    .append("<th scope=\"col\" class=\"num\">n</th><th scope=\"col\" class=\"num\">Mean</th>")
                    .append("<th scope=\"col\" class=\"num\">95% CI</th></tr></thead>\n<tbody>\n");
            for (History.Point p : points) {
                p.moments().forEach((condition, byMetric) -> {
                    Moments m = byMetric.get(metric);
                    if (m == null) {
                        return;
                    }
                    out.append("<tr><th scope=\"row\">").append(Html.escape(p.version())).append("</th><td>")
                            .append(Html.escape(p.started())).append("</td><td>").append(Html.escape(condition))
                            .append("</td>");
                    numbers(Integer.toString(m.n()), Numbers.number(m.mean()),
                            Numbers.interval(m.ciLow(), m.ciHigh(), false));
                    out.append("</tr>\n");
                });
            }
            out.append("</tbody></table></div>\n");
        }
        out.append("</details>\n</section>\n");
    }

    private String historyChart(String metric, List<History.Point> points) {
        String id = "c" + charts++;
        data.key(id).beginObject().field("type", "history").field("metric", metric).key("versions").beginArray();
        for (History.Point p : points) {
            data.value(p.version());
        }
        data.endArray().key("series").beginArray();
        Set<String> conditions = new LinkedHashSet<>(result.conditions());
        for (History.Point p : points) {
            conditions.addAll(p.moments().keySet());
        }
        for (String condition : conditions) {
            data.beginObject().field("label", condition)
                    .field("color", result.conditions().contains(condition) ? color(condition)
                            : result.conditions().size() + new ArrayList<>(conditions).indexOf(condition))
                    .key("points").beginArray();
            for (int x = 0; x < points.size(); x++) {
                Moments m = points.get(x).moments().getOrDefault(condition, Map.of()).get(metric);
                if (m != null && m.n() > 0) {
                    data.beginObject().field("x", x).field("mean", m.mean()).field("lo", m.ciLow())
                            .field("hi", m.ciHigh()).field("n", m.n()).endObject();
                }
            }
            data.endArray().endObject();
        }
        data.endArray().endObject();
        return id;
    }

    private void configuration() {
        section("configuration", "Configuration");
        Map<String, Object> metadata = entry.metadata();
        out.append("<dl class=\"facts\">\n");
        fact("Experiment", result.experiment());
        if (metadata.get("id") != null && !String.valueOf(metadata.get("id")).equals(result.experiment())) {
            fact("Id", String.valueOf(metadata.get("id")));
        }
        fact("Replicates", Integer.toString(result.replicates()));
        fact("Conditions", String.join(", ", result.conditions()));
        fact("Master seed", Long.toString(result.masterSeed()));
        fact("Replicate seeds", metadata.get("condition_seeds") != null
                ? "per condition (conditions do not share seeds); listed in metadata.json"
                : "floorMod(master seed + replicate × 31337, 2^32), shared by every condition of a replicate");
        fact("Started", String.valueOf(result.started()));
        fact("Finished", String.valueOf(result.finished()));
        fact("Failed runs", result.errors().size() + " of " + (long) result.replicates() * result.conditions().size());
        fact("Reused runs", result.reused().isEmpty() ? "none: every run was run"
                : reusedText() + " (equal code fingerprints, parameters and seeds)");
        out.append("</dl>\n");
        parameters(metadata.get("parameters"));
        seeds();
        out.append("</section>\n");
    }

    /** {@code baseline from v3, fast from v3}: conditions that took an earlier version's runs. */
    private String reusedText() {
        List<String> parts = new ArrayList<>();
        result.reused().forEach((condition, source) -> parts.add(condition + " from " + source));
        return String.join(", ", parts);
    }

    private void fact(String name, String value) {
        out.append("<dt>").append(Html.escape(name)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
    }

    private void parameters(Object recorded) {
        if (!(recorded instanceof Map<?, ?> byCondition) || byCondition.isEmpty()) {
            out.append("<p class=\"note\">Parameter values are recorded in metadata.json when the experiment stores its "
                    + "results (ArtifactPlugin); none are known for this result.</p>\n");
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        byCondition.values().forEach(values -> {
            if (values instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> names.add(String.valueOf(k)));
            }
        });
        if (names.isEmpty()) {
            out.append("<p class=\"note\">The experiment declares no parameters.</p>\n");
            return;
        }
        out.append("<div class=\"table-wrap\"><table class=\"parameters\">\n<caption>Parameter values per condition; "
                + "values a treatment changes are in bold.</caption>\n<thead><tr><th scope=\"col\">Parameter</th>");
        for (Object condition : byCondition.keySet()) {
            out.append("<th scope=\"col\">").append(Html.escape(String.valueOf(condition))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        Object baselineValues = byCondition.get(Names.BASELINE);
        for (String name : names) {
            out.append("<tr><th scope=\"row\">").append(Html.escape(name)).append("</th>");
            Object base = baselineValues instanceof Map<?, ?> b ? b.get(name) : null;
            for (Object values : byCondition.values()) {
                Object value = values instanceof Map<?, ?> m ? m.get(name) : null;
                String text = value == null ? "" : Text.of(value);
                boolean changed = base != null && value != null && !Text.of(base).equals(text);
                out.append("<td>").append(changed ? "<strong>" : "").append(Html.escape(text))
                        .append(changed ? "</strong>" : "").append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }

    private void seeds() {
        List<Long> seeds = result.seeds();
        if (seeds.isEmpty()) {
            return;
        }
        int shown = Math.min(SEEDS_SHOWN, seeds.size());
        out.append("<details><summary>Replicate seeds").append(shown < seeds.size()
                ? " (the first " + shown + " of " + seeds.size() + ")" : "").append("</summary>\n")
                .append("<div class=\"table-wrap\"><table class=\"seeds\">\n<caption>The seed of each replicate.</caption>\n")
                .append("<thead><tr><th scope=\"col\">Replicate</th><th scope=\"col\" class=\"num\">Seed</th></tr></thead>\n")
                .append("<tbody>\n");
        for (int r = 0; r < shown; r++) {
            out.append("<tr><th scope=\"row\">").append(r).append("</th><td class=\"num\">").append(seeds.get(r))
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table></div>\n</details>\n");
    }

    private void environment() {
        section("environment", "Environment");
        Object recorded = entry.metadata().get("environment");
        Map<?, ?> environment;
        if (recorded instanceof Map<?, ?> m) {
            environment = m;
            out.append("<p class=\"note\">Where the runs ran, as recorded in metadata.json.</p>\n");
        } else {
            environment = ThisJvm.describe();
            out.append("<p class=\"note\">No environment was recorded with this result (it was not stored by "
                    + "ArtifactPlugin): this is the JVM that wrote the report.</p>\n");
        }
        out.append("<dl class=\"facts\">\n");
        environment.forEach((key, value) -> fact(String.valueOf(key).replace('_', ' '), Text.of(value)));
        out.append("</dl>\n</section>\n");
    }

    private void failures() {
        Map<String, RunFailure> errors = result.errors();
        section("failures", "Failed runs (" + errors.size() + ")");
        if (errors.isEmpty()) {
            out.append("<p class=\"note\">Every run completed.</p>\n</section>\n");
            return;
        }
        int shown = 0;
        for (RunFailure failure : errors.values()) {
            if (shown++ == FAILURES_SHOWN) {
                break;
            }
            out.append("<details class=\"failure\"><summary>").append(Html.escape(failure.describe()))
                    .append("</summary>\n<pre>").append(Html.escape(failure.stackTrace())).append("</pre></details>\n");
        }
        if (errors.size() > FAILURES_SHOWN) {
            out.append("<p class=\"note\">").append(errors.size() - FAILURES_SHOWN)
                    .append(" more failed runs, each with its stack trace, are in result.json.</p>\n");
        }
        out.append("</section>\n");
    }

    private void files() {
        section("files", "Files");
        Path version = entry.versionDirectory();
        if (version == null) {
            out.append("<p class=\"note\">This result was not stored: give the experiment an ArtifactPlugin to keep its "
                    + "files, or write it with Result.toJson().</p>\n</section>\n");
            return;
        }
        out.append("<ul class=\"files\">\n");
        file(version, "the version directory: " + version.toAbsolutePath().normalize());
        file(version.resolve("result.json"), "result.json: the whole result (verdicts, failures, seeds, provenance)");
        file(version.resolve("metadata.json"), "metadata.json: replicates, seeds, parameters, environment");
        for (String condition : result.conditions()) {
            file(version.resolve(condition).resolve("results.json"), condition + "/results.json: its metric values");
        }
        int artifacts = 0;
        for (List<String> paths : result.artifacts().values()) {
            artifacts += paths.size();
        }
        out.append("</ul>\n");
        if (artifacts > 0) {
            out.append("<p class=\"note\">").append(artifacts).append(" artifact files under replicate_*/ directories of the "
                    + "version directory.</p>\n");
        }
        out.append("</section>\n");
    }

    private void file(Path target, String text) {
        out.append("<li><a href=\"").append(Html.escape(Links.relative(pageDirectory, target))).append("\">")
                .append(Html.escape(text)).append("</a></li>\n");
    }
}
