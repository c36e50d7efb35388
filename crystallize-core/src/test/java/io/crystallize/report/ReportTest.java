package io.crystallize.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.base.MetricSeries;
import io.crystallize.core.Result;
import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Reports of a real experiment stored three times: what the pages and the summary hold. */
class ReportTest {

    @TempDir
    static Path root;

    static Result latest;
    static Path version;

    @BeforeAll
    static void runThreeVersions() {
        for (int i = 0; i < 3; i++) {
            latest = Checkout.experiment(root, 20).run();
        }
        version = root.resolve(Checkout.NAME).resolve("v2");
    }

    private static Document page(Path report) throws IOException {
        return Jsoup.parse(report.resolve("experiments/" + Checkout.NAME + ".html").toFile(), "UTF-8");
    }

    private static JsonNode charts(Document page) {
        return Json.MAPPER.readTree(page.getElementById("crystallize-data").data()).get("charts");
    }

    private static List<Verdict> verdicts() {
        List<Verdict> all = new ArrayList<>();
        latest.hypotheses().forEach(h -> all.addAll(h.verdicts()));
        return all;
    }

    @Test
    void fixtureEndsInEveryStatus() {
        assertThat(verdicts()).extracting(Verdict::status).contains(Verdict.Status.values());
    }

    @Test
    void everyVerdictIsARowWithItsNumbersAndMessage(@TempDir Path out) throws IOException {
        Report.write(version, out);
        Document page = page(out);

        List<Element> rows = page.select("table.verdicts tr.verdict");
        assertThat(rows).hasSize(verdicts().size());
        for (HypothesisResult h : latest.hypotheses()) {
            for (Verdict v : h.verdicts()) {
                Element row = page.selectFirst("tr.verdict[data-hypothesis=" + h.name() + "][data-treatment="
                        + v.treatment() + "][data-metric=" + v.metric() + "]");
                assertThat(row).as(h.name() + " " + v.treatment()).isNotNull();
                assertThat(row.attr("data-status")).isEqualTo(v.status().name());
                assertThat(row.selectFirst(".badge").text()).isEqualTo(v.status().name().replace('_', ' '));
                assertThat(row.text()).contains(Numbers.p(v.pValue()));
                if (!Double.isNaN(v.difference())) {
                    assertThat(row.text()).contains(Numbers.signed(v.difference()))
                            .contains(Numbers.interval(v.ciLow(), v.ciHigh(), false));
                }
                assertThat(row.nextElementSibling().text()).contains(v.message());
            }
        }
    }

    @Test
    void failingAndInconclusiveRowsComeFirst(@TempDir Path out) throws IOException {
        Report.write(version, out);

        List<String> order = page(out).select("table.verdicts tr.verdict").eachAttr("data-status");
        List<String> sorted = new ArrayList<>(order);
        sorted.sort((a, b) -> VerdictRow.rank(Verdict.Status.valueOf(a)) - VerdictRow.rank(Verdict.Status.valueOf(b)));
        assertThat(order).isEqualTo(sorted);
        assertThat(order.get(0)).isEqualTo("NOT_SUPPORTED");
        assertThat(order.get(order.size() - 1)).isEqualTo("SUPPORTED");
    }

    @Test
    void tablesHaveHeadersWithScope(@TempDir Path out) throws IOException {
        Path index = Report.write(version, out);

        for (Document doc : List.of(page(out), Jsoup.parse(index.toFile(), "UTF-8"))) {
            for (Element table : doc.select("table")) {
                assertThat(table.select("thead th")).isNotEmpty().allSatisfy(th -> assertThat(th.attr("scope")).isEqualTo("col"));
                assertThat(table.select("tbody tr:not(.detail)")).allSatisfy(tr -> assertThat(tr.select("th[scope=row]"))
                        .hasSize(1));
            }
        }
    }

    @Test
    void forestPlotsCarryEachTreatmentsEffectAndTheMarginInTheMetricsDirection(@TempDir Path out) throws IOException {
        Report.write(version, out);
        Document page = page(out);
        JsonNode charts = charts(page);

        Element figure = page.selectFirst("#h-latencyNotWorse figure[data-chart]");
        JsonNode forest = charts.get(figure.attr("data-chart"));
        assertThat(forest.get("type").asString()).isEqualTo("forest");
        assertThat(forest.get("direction").asString()).isEqualTo("LOWER_IS_BETTER");
        HypothesisResult h = latest.getHypothesis("latencyNotWorse").orElseThrow();
        assertThat(forest.get("rows").valueStream().map(r -> r.get("label").asString())).containsExactly("ten", "twenty");
        for (JsonNode row : forest.get("rows")) {
            Verdict v = h.verdict(row.get("label").asString(), "latency_ms").orElseThrow();
            assertThat(row.get("est").asDouble()).isEqualTo(v.difference());
            assertThat(row.get("lo").asDouble()).isEqualTo(v.ciLow());
            assertThat(row.get("hi").asDouble()).isEqualTo(v.ciHigh());
            // not worse by more than 2 ms when lower is better: the line sits at +2 ms
            assertThat(row.get("margins")).hasSize(1);
            assertThat(row.get("margins").get(0).asDouble()).isEqualTo(2.0);
        }
        JsonNode revenue = charts.get(page.selectFirst("#h-revenueUp figure[data-chart]").attr("data-chart"));
        assertThat(revenue.get("direction").asString()).isEqualTo("HIGHER_IS_BETTER");
        assertThat(revenue.get("rows").get(0).get("margins")).isEmpty();
    }

    @Test
    void distributionsShowEveryConditionWithExactStatisticsAndPairedDifferences(@TempDir Path out) throws IOException {
        Report.write(version, out);
        Document page = page(out);
        JsonNode charts = charts(page);

        List<JsonNode> revenue = new ArrayList<>();
        charts.values().forEach(c -> {
            if (c.get("type").asString().equals("distribution") && c.get("metric").asString().equals("revenue")) {
                revenue.add(c);
            }
        });
        assertThat(revenue).hasSize(2);
        JsonNode conditions = revenue.get(0);
        assertThat(conditions.get("groups").valueStream().map(g -> g.get("label").asString()))
                .containsExactlyElementsOf(latest.conditions());
        for (JsonNode group : conditions.get("groups")) {
            double[] values = latest.metric(group.get("label").asString(), "revenue").values();
            assertThat(group.get("n").asInt()).isEqualTo(values.length);
            assertThat(group.get("mean").asDouble()).isCloseTo(java.util.Arrays.stream(values).average().orElseThrow(),
                    within(1e-9));
            assertThat(group.get("points")).hasSize(values.length);
        }
        JsonNode paired = revenue.get(1);
        assertThat(paired.get("zero").asBoolean()).isTrue();
        // the treatments with a paired verdict on revenue (broken's verdict is an ERROR, not a paired test)
        assertThat(paired.get("groups").valueStream().map(g -> g.get("label").asString()))
                .containsExactly("ten − baseline", "twenty − baseline");
        assertThat(paired.get("groups").get(0).get("n").asInt()).isEqualTo(20);
        double[] base = latest.metric("baseline", "revenue").values();
        double[] ten = latest.metric("ten", "revenue").values();
        assertThat(paired.get("groups").get(0).get("mean").asDouble())
                .isCloseTo(java.util.Arrays.stream(ten).average().orElseThrow()
                        - java.util.Arrays.stream(base).average().orElseThrow(), within(1e-9));
        Element stats = page.select("table.statistics[data-metric=revenue]").first();
        assertThat(stats.select("tbody th[scope=row]").eachText()).containsExactlyElementsOf(latest.conditions());
    }

    @Test
    void historyShowsEveryStoredVersionsMeanAndInterval(@TempDir Path out) throws IOException {
        Report.write(version, out);
        Document page = page(out);
        JsonNode charts = charts(page);

        JsonNode history = null;
        for (JsonNode c : charts) {
            if (c.get("type").asString().equals("history") && c.get("metric").asString().equals("revenue")) {
                history = c;
            }
        }
        assertThat(history).isNotNull();
        assertThat(history.get("versions").valueStream().map(JsonNode::asString)).containsExactly("v0", "v1", "v2");
        JsonNode baseline = history.get("series").get(0);
        assertThat(baseline.get("label").asString()).isEqualTo("baseline");
        for (JsonNode point : baseline.get("points")) {
            Path v = root.resolve(Checkout.NAME).resolve("v" + point.get("x").asInt());
            MetricSeries stored = ArtifactPlugin.readMetrics(v).get("baseline").get("revenue");
            Moments expected = Moments.of(stored);
            assertThat(point.get("mean").asDouble()).isEqualTo(expected.mean());
            assertThat(point.get("lo").asDouble()).isEqualTo(expected.ciLow());
            assertThat(point.get("n").asInt()).isEqualTo(20);
        }
        assertThat(page.select("table.history").first().select("tbody th[scope=row]").eachText()).contains("v0", "v1", "v2");
    }

    @Test
    void historyShowsTheTwentyVersionsBeforeTheReportedOne(@TempDir Path many) throws IOException {
        Result last = null;
        for (int i = 0; i < 23; i++) {
            last = Checkout.experiment(many, 3).run();
        }
        Path out = many.resolve("report");
        new Report().add(last, many.resolve(Checkout.NAME).resolve("v22")).write(out);

        Document page = page(out);
        JsonNode history = charts(page).valueStream().filter(c -> c.get("type").asString().equals("history"))
                .findFirst().orElseThrow();
        List<String> versions = history.get("versions").valueStream().map(JsonNode::asString).toList();
        assertThat(versions).hasSize(History.EARLIER_VERSIONS + 1).startsWith("v2").endsWith("v22");
        assertThat(page.select("#history p.note").text()).contains("Showing the 20 versions before this one");
    }

    @Test
    void historyLeavesOutAnIncompleteVersionAndSaysWhy(@TempDir Path copy) throws IOException {
        Path experiment = copy.resolve(Checkout.NAME);
        for (int i = 0; i < 3; i++) {
            copyTree(root.resolve(Checkout.NAME).resolve("v" + i), experiment.resolve("v" + i));
        }
        Files.delete(experiment.resolve("v1/ten/results.json"));
        Path out = copy.resolve("report");
        Report.write(experiment.resolve("v2"), out);

        Document page = page(out);
        assertThat(page.select("#history p.note").text()).contains("v1 is left out").contains("incomplete");
        JsonNode history = charts(page).valueStream().filter(c -> c.get("type").asString().equals("history"))
                .findFirst().orElseThrow();
        assertThat(history.get("versions").valueStream().map(JsonNode::asString)).containsExactly("v0", "v2");
    }

    @Test
    void theMeansOfVersionsAlreadyReadComeFromTheCacheWhileTheyStartedAtTheSameInstant(@TempDir Path copy)
            throws IOException {
        Path experiment = copy.resolve(Checkout.NAME);
        for (int i = 0; i < 3; i++) {
            copyTree(root.resolve(Checkout.NAME).resolve("v" + i), experiment.resolve("v" + i));
        }
        Path out = copy.resolve("report");
        Report.write(experiment.resolve("v2"), out);
        double v1Mean = historyMean(out, 1);
        double v0Mean = historyMean(out, 0);

        // v1 can no longer be read, and both v0's and v1's values change on disk: the cache answers for v1 ...
        Files.delete(experiment.resolve("v1/ten/results.json"));
        shiftBaselineRevenue(experiment.resolve("v0"), 1000);
        shiftBaselineRevenue(experiment.resolve("v1"), 1000);
        // ... but v0 now says it started at another instant: another execution, read again
        Path metadata = experiment.resolve("v0/metadata.json");
        Files.writeString(metadata, Files.readString(metadata).replaceFirst("\"started\" : \"[^\"]+\"",
                "\"started\" : \"2001-01-01T00:00:00Z\""));
        Report.write(experiment.resolve("v2"), out);

        assertThat(historyMean(out, 1)).isEqualTo(v1Mean);
        assertThat(historyMean(out, 0)).isCloseTo(v0Mean + 1000, within(1e-6));
        assertThat(page(out).select("#history p.note").text()).doesNotContain("left out");
    }

    private static double historyMean(Path out, int version) throws IOException {
        JsonNode history = charts(page(out)).valueStream()
                .filter(c -> c.get("type").asString().equals("history") && c.get("metric").asString().equals("revenue"))
                .findFirst().orElseThrow();
        for (JsonNode point : history.get("series").get(0).get("points")) {
            if (point.get("x").asInt() == version) {
                return point.get("mean").asDouble();
            }
        }
        throw new AssertionError("no point for v" + version);
    }

    private static void shiftBaselineRevenue(Path version, double shift) throws IOException {
        Path file = version.resolve("baseline/results.json");
        tools.jackson.databind.node.ObjectNode doc = (tools.jackson.databind.node.ObjectNode) Json.MAPPER
                .readTree(file.toFile());
        tools.jackson.databind.node.ArrayNode values = (tools.jackson.databind.node.ArrayNode) doc.get("metrics")
                .get("revenue");
        for (int i = 0; i < values.size(); i++) {
            values.set(i, values.get(i).asDouble() + shift);
        }
        Files.writeString(file, Json.MAPPER.writeValueAsString(doc));
    }

    @Test
    void configurationEnvironmentFailuresAndFilesComeFromTheStoredVersion(@TempDir Path out) throws IOException {
        Report.write(version, out);
        Document page = page(out);

        Element parameters = page.selectFirst("table.parameters");
        assertThat(parameters.select("thead th").eachText()).containsExactly("Parameter", "baseline", "ten", "twenty",
                "broken");
        assertThat(parameters.select("tbody tr").first().select("td").eachText()).containsExactly("0.0", "0.1", "0.2", "0.1");
        assertThat(parameters.select("tbody strong").eachText()).containsExactly("0.1", "0.2", "0.1");
        assertThat(page.select("#environment dd").eachText())
                .contains(System.getProperty("java.version"), Integer.toString(Runtime.getRuntime().availableProcessors()));
        assertThat(page.select("#environment dt").eachText()).contains("os", "java version");
        assertThat(page.select("table.seeds tbody td").eachText().subList(0, 2))
                .containsExactly(latest.seeds().get(0).toString(), latest.seeds().get(1).toString());

        Element failure = page.selectFirst("#failures details.failure");
        assertThat(failure.selectFirst("summary").text()).contains("broken_rep_2").contains("Serve")
                .contains(Checkout.FAILURE);
        assertThat(failure.selectFirst("pre").text()).contains("java.lang.IllegalStateException").contains("\tat ");
        assertThat(page.select("script")).noneMatch(s -> s.data().contains("alert('gateway')"));

        Path pageDir = out.resolve(Report.EXPERIMENTS);
        for (Element link : page.select("#files a")) {
            assertThat(pageDir.resolve(link.attr("href")).normalize()).exists();
        }
        assertThat(pageDir.resolve(page.select("#files a").first().attr("href")).normalize())
                .isEqualTo(version.toAbsolutePath().normalize());
    }

    @Test
    void pagesAreSelfContained(@TempDir Path out) throws IOException {
        Path index = Report.write(version, out);
        for (Path file : List.of(index, out.resolve("experiments/" + Checkout.NAME + ".html"))) {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                assertThat(b).as("pages are ASCII, other characters as references").isBetween((byte) 0, (byte) 0x7e);
            }
        }

        for (Document doc : List.of(page(out), Jsoup.parse(index.toFile(), "UTF-8"))) {
            assertThat(doc.select("script[src], link, img, iframe")).isEmpty();
            assertThat(doc.select("[href]").eachAttr("href")).noneMatch(href -> href.matches("(?i)^[a-z]+:.*"));
            assertThat(doc.select("style").first().data()).doesNotContain("url(").doesNotContain("@import");
            // the SVG namespace is a name, not an address the page loads
            assertThat(doc.select("script:not([type])").first().data().replace("'http://www.w3.org/2000/svg'", ""))
                    .doesNotContain("http").doesNotContain("fetch(")
                    .doesNotContain("XMLHttpRequest").doesNotContain("import(");
        }
    }

    @Test
    void indexAndSummaryListEveryVerdictLinkingToItsRow(@TempDir Path out) throws IOException {
        Path index = Report.write(version, out);
        Document indexPage = Jsoup.parse(index.toFile(), "UTF-8");
        Document page = page(out);

        assertThat(indexPage.select("table.experiments tbody tr")).hasSize(1);
        assertThat(indexPage.select("table.verdicts tr.verdict")).hasSize(verdicts().size());
        for (Element link : indexPage.select("table.verdicts tr.verdict th a")) {
            assertRowExists(out, link.attr("href"), page);
        }

        String summary = Files.readString(out.resolve(Report.SUMMARY), StandardCharsets.UTF_8);
        List<String> tableRows = summary.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Status")).toList();
        assertThat(tableRows).hasSize(verdicts().size());
        assertThat(tableRows.get(0)).startsWith("| ❌ NOT SUPPORTED | [Checkout](experiments/Checkout.html) | [revenueDown]");
        Matcher links = Pattern.compile("\\]\\((experiments/[^)#]+#[^)]+)\\)").matcher(summary);
        int found = 0;
        while (links.find()) {
            assertRowExists(out, links.group(1), page);
            found++;
        }
        assertThat(found).isEqualTo(verdicts().size());
        assertThat(summary).contains("[index.html](index.html)");
    }

    private static void assertRowExists(Path out, String href, Document page) {
        String[] parts = href.split("#", 2);
        assertThat(out.resolve(parts[0])).exists();
        assertThat(page.getElementById(parts[1])).as(href).isNotNull().extracting(Element::tagName).isEqualTo("tr");
    }

    @Test
    void aResultNotStoredSaysWhatIsUnknown(@TempDir Path out) throws IOException {
        Result unstored = Checkout.builder(5).build().run();
        Report.write(unstored, out);
        Document page = page(out);

        assertThat(page.select("#history").text()).contains("not read from a results root");
        assertThat(page.select("#environment").text()).contains("the JVM that wrote the report");
        assertThat(page.select("#configuration").text()).contains("none are known for this result");
        assertThat(page.select("#files").text()).contains("This result was not stored");
        assertThat(page.select("table.verdicts tr.verdict")).hasSize(unstored.hypotheses().stream()
                .mapToInt(h -> h.verdicts().size()).sum());
    }

    @Test
    void aResultAndItsStoredVersionGiveTheSameRows(@TempDir Path fromMemory, @TempDir Path fromDisk) throws IOException {
        new Report().add(latest, version).write(fromMemory);
        Report.write(version, fromDisk);

        assertThat(page(fromMemory).select("table.verdicts").outerHtml())
                .isEqualTo(page(fromDisk).select("table.verdicts").outerHtml());
    }

    @Test
    void resultsWrittenBeforeExpectationsWereRecordedStillReportWithoutMargins(@TempDir Path out) throws IOException {
        tools.jackson.databind.node.ObjectNode json = (tools.jackson.databind.node.ObjectNode) Json.MAPPER
                .readTree(latest.toJson());
        json.get("hypotheses").forEach(h -> ((tools.jackson.databind.node.ObjectNode) h).remove(
                List.of("direction", "expectation")));
        Result older = Result.fromJson(Json.MAPPER.writeValueAsString(json));
        assertThat(older.hypotheses()).allSatisfy(h -> assertThat(h.direction()).isNull());
        assertThat(latest.getHypothesis("latencyNotWorse").orElseThrow().expectation())
                .isEqualTo(io.crystallize.hypothesis.Expectation.notWorseByMoreThan(2.0));

        Report.write(older, out);
        JsonNode charts = charts(page(out));
        charts.values().forEach(c -> {
            if (c.get("type").asString().equals("forest")) {
                assertThat(c.get("direction").isNull()).isTrue();
                c.get("rows").forEach(r -> assertThat(r.get("margins")).isEmpty());
            }
        });
    }

    @Test
    void aVersionStillBeingWrittenIsAClearError(@TempDir Path empty) throws IOException {
        // claimed, nothing written yet: the reader says the version is not complete
        Files.createDirectories(empty.resolve("v0"));
        assertThatThrownBy(() -> Report.write(empty.resolve("v0"), empty.resolve("report")))
                .isInstanceOf(io.crystallize.artifacts.IncompleteVersionException.class)
                .hasMessageContaining(empty.resolve("v0").toString());
    }

    @Test
    void pagesOfExperimentsNoLongerReportedAreRemoved(@TempDir Path out) throws IOException {
        Files.createDirectories(out.resolve(Report.EXPERIMENTS));
        Files.writeString(out.resolve(Report.EXPERIMENTS).resolve("Gone.html"), "old");
        Report.write(version, out);

        try (var files = Files.list(out.resolve(Report.EXPERIMENTS))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(Checkout.NAME + ".html");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
