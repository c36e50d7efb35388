package io.crystallize.benchmarks;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JMH's JSON results into one line per figure, {@code name value unit}: the median of the
 * measurement iterations, every framework figure beside its same-run baseline, and the derived
 * differences and ratios.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.crystallize.benchmarks.Report target/jmh.json [more.json ...]}
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (String file : args) {
            read(JsonMapper.builder().build().readTree(new File(file)), scores, units);
        }
        scores.forEach((name, score) -> line(name, score, units.get(name)));
        derive(scores);
    }

    private static void read(JsonNode runs, Map<String, Double> scores, Map<String, String> units) {
        for (JsonNode run : runs) {
            String name = run.get("benchmark").asString().replace("io.crystallize.benchmarks.", "");
            JsonNode params = run.get("params");
            if (params != null) {
                for (var p : params.properties()) {
                    name += "." + p.getKey() + "=" + p.getValue().asString();
                }
            }
            JsonNode metric = run.get("primaryMetric");
            scores.put(name, median(metric.get("rawData")));
            units.put(name, metric.get("scoreUnit").asString());
        }
    }

    /**
     * The median of every measurement iteration of every fork: the targets are medians, and on a
     * 2-core VM a few iterations disturbed by the machine move JMH's mean (its {@code score}).
     */
    static double median(JsonNode rawData) {
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : rawData) {
            for (JsonNode iteration : fork) {
                values.add(iteration.asDouble());
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a benchmark without measurement iterations: " + rawData);
        }
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    private static void derive(Map<String, Double> s) {
        Double framework = s.get("OverheadBenchmark.framework");
        Double hand = s.get("OverheadBenchmark.handWritten");
        if (framework != null && hand != null) {
            line("overhead.per_run.framework", framework, "ns");
            line("overhead.per_run.hand_written", hand, "ns");
            line("overhead.per_run.difference", framework - hand, "ns");
            line("overhead.per_step.framework", framework / TrivialExperiment.STEPS, "ns");
            line("overhead.per_step.hand_written", hand / TrivialExperiment.STEPS, "ns");
            line("overhead.per_step.difference", (framework - hand) / TrivialExperiment.STEPS, "ns");
        }
        line(s, "StatisticsBenchmark.welch1e6", "stats.welch_1e6_per_side", "ms");
        line(s, "StatisticsBenchmark.mannWhitney1e6", "stats.mann_whitney_1e6_per_side", "ms");
        line(s, "StatisticsBenchmark.wholeVerdict1000", "stats.whole_verdict_1000_per_side", "ms");
        Double hl1 = s.get("StatisticsBenchmark.hodgesLehmann.n=100000");
        Double hl2 = s.get("StatisticsBenchmark.hodgesLehmann.n=200000");
        if (hl1 != null && hl2 != null) {
            line("stats.hodges_lehmann_1e5_per_side", hl1, "ms");
            line("stats.hodges_lehmann_2e5_per_side", hl2, "ms");
            line("stats.hodges_lehmann.ratio_2e5_vs_1e5", hl2 / hl1, "x");
        }
        Double generated = s.get("WiringBenchmark.generatedWiring");
        Double runtime = s.get("WiringBenchmark.runtimeReaderWiring");
        Double direct = s.get("WiringBenchmark.directCall");
        Double boxed = s.get("WiringBenchmark.directCallBoxed");
        if (generated != null && direct != null && boxed != null && runtime != null) {
            line("wiring.generated_vs_direct_call", generated / direct, "x");
            line("wiring.generated_vs_direct_call_boxed", generated / boxed, "x");
            line("wiring.runtime_reader_vs_generated", runtime / generated, "x");
        }
        Double engine = s.get("EngineBenchmark.crystallizeEngine");
        Double jupiter = s.get("EngineBenchmark.jupiterByHand");
        if (engine != null && jupiter != null) {
            line("engine.crystallize_vs_jupiter", engine / jupiter, "x");
        }
        Double tmpfs = s.get("EngineBenchmark.crystallizeEngineResultsOnTmpfs");
        if (tmpfs != null && jupiter != null) {
            line("engine.crystallize_results_on_tmpfs_vs_jupiter", tmpfs / jupiter, "x");
        }
        Double report = s.get("ReportBenchmark.reportOfResult");
        Double reportWithHistory = s.get("ReportBenchmark.reportWithHistory");
        Double json = s.get("ReportBenchmark.resultJson");
        if (report != null && reportWithHistory != null && json != null) {
            line("report.html_1e5_per_condition", report, "ms");
            line("report.html_1e5_per_condition_with_history", reportWithHistory, "ms");
            line("report.result_json_1e5_per_condition", json, "ms");
            line("report.html_vs_result_json", report / json, "x");
        }
        Double withReport = s.get("EngineBenchmark.crystallizeEngineWithReportOnTmpfs");
        if (withReport != null && tmpfs != null) {
            line("engine.run_report_on_tmpfs.added", withReport - tmpfs, "ms");
            line("engine.run_report_on_tmpfs.added_per_experiment", (withReport - tmpfs) / EngineBenchmark.CLASSES, "ms");
        }
        Double one = s.get("ParallelBenchmark.run.workers=1");
        Double two = s.get("ParallelBenchmark.run.workers=2");
        if (one != null && two != null) {
            line("parallel.speedup_2_workers", one / two, "x");
        }
        Double rawOne = s.get("ParallelBenchmark.rawThreads.workers=1");
        Double rawTwo = s.get("ParallelBenchmark.rawThreads.workers=2");
        if (rawOne != null && rawTwo != null) {
            line("parallel.raw_threads_speedup_2_threads", rawOne / rawTwo, "x");
        }
    }

    private static void line(Map<String, Double> scores, String benchmark, String name, String unit) {
        Double value = scores.get(benchmark);
        if (value != null) {
            line(name, value, unit);
        }
    }

    private static void line(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "%s %.3f %s", name, value, unit));
    }
}
