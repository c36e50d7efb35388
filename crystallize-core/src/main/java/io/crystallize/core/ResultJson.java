package io.crystallize.core;

import io.crystallize.hypothesis.HypothesisResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The JSON form of a {@link Result}: plain records that Jackson maps both ways. */
final class ResultJson {

    private ResultJson() {
    }

    record Series(double[] values, int[] replicates) {
    }

    record Failure(String condition, int replicate, String step, String type, String message, String stackTrace) {
    }

    record Document(int formatVersion, String experiment, String started, String finished, long masterSeed,
            int replicates, List<String> conditions, Map<String, Map<String, Series>> metrics, List<Long> seeds,
            Map<String, Failure> errors, Map<String, List<StepProvenance>> provenance,
            Map<String, List<String>> artifacts, List<HypothesisResult> hypotheses) {
    }

    static String write(Result r) {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document(r));
    }

    static Document document(Result r) {
        Map<String, Map<String, Series>> metrics = new LinkedHashMap<>();
        r.metrics().forEach((condition, byName) -> {
            Map<String, Series> series = new LinkedHashMap<>();
            byName.forEach((name, s) -> series.put(name, new Series(s.rawValues(), s.rawReplicates())));
            metrics.put(condition, series);
        });
        Map<String, Failure> errors = new LinkedHashMap<>();
        r.errors().forEach((key, f) -> errors.put(key,
                new Failure(f.condition(), f.replicate(), f.step(), f.type(), f.message(), f.stackTrace())));
        return new Document(Result.FORMAT_VERSION, r.experiment(), String.valueOf(r.started()),
                String.valueOf(r.finished()), r.masterSeed(), r.replicates(), r.conditions(), metrics, r.seeds(),
                errors, r.provenance(), r.artifacts(), r.hypotheses());
    }

    static Result read(String json) {
        Document d = Json.MAPPER.readValue(json, Document.class);
        if (d.formatVersion() > Result.FORMAT_VERSION) {
            throw new IllegalArgumentException("result JSON has format version " + d.formatVersion()
                    + ", newer than this library's " + Result.FORMAT_VERSION + ": upgrade crystallize");
        }
        Map<String, Map<String, MetricSeries>> metrics = new LinkedHashMap<>();
        d.metrics().forEach((condition, byName) -> {
            Map<String, MetricSeries> series = new LinkedHashMap<>();
            byName.forEach((name, s) -> series.put(name, new MetricSeries(s.values(), s.replicates())));
            metrics.put(condition, series);
        });
        Map<String, RunFailure> errors = new LinkedHashMap<>();
        d.errors().forEach((key, f) -> errors.put(key,
                new RunFailure(f.condition(), f.replicate(), f.step(), f.type(), f.message(), f.stackTrace())));
        return new Result(d.experiment(), instant(d.started()), instant(d.finished()), d.masterSeed(),
                d.replicates(), d.conditions(), metrics, d.seeds(), errors, d.provenance(), d.artifacts(),
                d.hypotheses());
    }

    static JsonNode provenanceTree(Map<String, List<StepProvenance>> provenance) {
        return Json.MAPPER.valueToTree(provenance);
    }

    private static Instant instant(String text) {
        return text == null || "null".equals(text) ? null : Instant.parse(text);
    }
}
