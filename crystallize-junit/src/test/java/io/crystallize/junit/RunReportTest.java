package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.crystallize.junit.fixtures.outcomes.InconclusiveExperiment;
import io.crystallize.junit.fixtures.outcomes.SlowExperiment;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The report the engine writes when a run ends, and the progress lines of long executions. */
class RunReportTest {

    @TempDir
    Path artifacts;

    /** Runs {@code run} with standard output captured; returns what it printed. */
    private static String stdout(Supplier<EngineExecutionResults> run) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.get();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRunsReportHoldsEveryExperimentAndVerdictAndItsPathIsPrinted() throws IOException {
        EngineExecutionResults[] results = new EngineExecutionResults[1];
        String printed = stdout(() -> results[0] = Kit.engine(artifacts)
                .selectors(selectClass(ScoreExperiment.class), selectClass(InconclusiveExperiment.class)).execute());

        Path index = artifacts.resolve("report").resolve("index.html");
        assertThat(index).exists();
        assertThat(artifacts.resolve("report").resolve("summary.md")).exists();
        assertThat(artifacts.resolve("report/experiments/ScoreExperiment.html")).exists();
        assertThat(artifacts.resolve("report/experiments/InconclusiveExperiment.html")).exists();
        assertThat(printed).contains("crystallize: report of 2 experiments: " + index.toAbsolutePath().toUri());

        String html = Files.readString(index, StandardCharsets.UTF_8);
        long treatmentTests = results[0].testEvents().finished().count();
        assertThat(count(html, "<tr class=\"verdict row-")).isEqualTo(treatmentTests);
        assertThat(html).contains("data-status=\"NOT_SUPPORTED\"").contains("data-status=\"INCONCLUSIVE\"")
                .contains("data-status=\"SUPPORTED\"");
        String summary = Files.readString(artifacts.resolve("report/summary.md"), StandardCharsets.UTF_8);
        assertThat(summary.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Status")).count())
                .isEqualTo(treatmentTests);
        // the report's history comes from the stored versions: a second run adds a point
        stdout(() -> Kit.engine(artifacts).selectors(selectClass(ScoreExperiment.class)).execute());
        String page = Files.readString(artifacts.resolve("report/experiments/ScoreExperiment.html"));
        assertThat(page).contains("\"versions\":[\"v0\",\"v1\"]");
        assertThat(artifacts.resolve("report/experiments/InconclusiveExperiment.html"))
                .as("pages of experiments this run did not execute are removed").doesNotExist();
    }

    @Test
    void theReportCanBeTurnedOff() {
        String printed = stdout(() -> Kit.engine(artifacts).configurationParameter(Constants.REPORT_ENABLED, "false")
                .selectors(selectClass(ScoreExperiment.class)).execute());

        assertThat(artifacts.resolve("report")).doesNotExist();
        assertThat(printed).doesNotContain("report");
    }

    @Test
    void aReportThatCannotBeWrittenIsAWarningNotAFailure() throws IOException {
        Files.writeString(artifacts.resolve("report"), "a file where the report's folder would go");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        EngineExecutionResults results;
        try {
            results = Kit.engine(artifacts).selectors(selectClass(ScoreExperiment.class)).execute();
        } finally {
            System.setErr(original);
        }

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("crystallize: WARNING the report could not be "
                + "written to " + artifacts.resolve("report").toAbsolutePath(), Constants.REPORT_ENABLED + "=false");
    }

    @Test
    void longExecutionsPrintProgressOnStandardOutputAndShortOnesNothing() {
        String slow = stdout(() -> Kit.engine(artifacts).configurationParameter(Constants.PROGRESS, "200ms")
                .configurationParameter(Constants.REPORT_ENABLED, "false")
                .selectors(selectClass(SlowExperiment.class)).execute());
        String quick = stdout(() -> Kit.engine(artifacts).configurationParameter(Constants.REPORT_ENABLED, "false")
                .selectors(selectClass(ScoreExperiment.class)).execute());
        String off = stdout(() -> Kit.engine(artifacts).configurationParameter(Constants.PROGRESS, "off")
                .configurationParameter(Constants.REPORT_ENABLED, "false")
                .selectors(selectClass(SlowExperiment.class)).execute());

        // 100 runs of 20 ms: a line every 200 ms at most, then the closing line
        List<String> lines = slow.lines().filter(l -> l.startsWith("crystallize: SlowExperiment")).toList();
        assertThat(lines.size()).isBetween(2, 12);
        assertThat(lines.get(0)).matches("crystallize: SlowExperiment \\d+/100 runs \\(\\d+%\\), [\\d.]+ runs/s, "
                + "[\\d.]+s elapsed, ETA .*");
        assertThat(lines.get(lines.size() - 1)).startsWith("crystallize: SlowExperiment finished 100 runs (0 failed) in ");
        assertThat(quick).doesNotContain("runs/s");
        assertThat(off).doesNotContain("runs/s");
    }

    @Test
    void invalidReportAndProgressValuesFailTheEngineNodeNamingTheKeys() {
        EngineExecutionResults results = Kit.engine(artifacts).configurationParameter(Constants.REPORT_ENABLED, "yes")
                .configurationParameter(Constants.PROGRESS, "fast").selectors(selectClass(ScoreExperiment.class))
                .execute();

        results.containerEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(message(m ->
                m.contains("crystallize.report.enabled=yes is invalid: expected true or false")
                        && m.contains("crystallize.progress=fast is invalid: expected on, off")))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    private static long count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
