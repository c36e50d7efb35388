package io.crystallize.core;

import io.crystallize.hypothesis.HypothesisResult;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of a {@link Result}: plain records that Jackson maps both ways. */
final class ResultJson {

    private ResultJson() {
    }

    private static final TypeReference<Map<String, List<StepProvenance>>> PROVENANCE = new TypeReference<>() {
    };

    record Series(double[] values, int[] replicates) {
    }

    record Failure(String condition, int replicate, String step, String type, String message, String stackTrace) {
    }

    record Document(int formatVersion, String experiment, String started, String finished, long masterSeed,
            int replicates, List<String> conditions, Map<String, Map<String, Series>> metrics, List<Long> seeds,
            Map<String, Failure> errors, JsonNode provenance,
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
                errors, provenanceTree(r.provenance()), r.artifacts(), r.hypotheses());
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
        Map<String, List<StepProvenance>> provenance = d.provenance() == null || d.provenance().isNull() ? Map.of()
                : Json.MAPPER.convertValue(d.provenance(), PROVENANCE);
        return new Result(d.experiment(), instant(d.started()), instant(d.finished()), d.masterSeed(),
                d.replicates(), d.conditions(), metrics, d.seeds(), errors, provenance, d.artifacts(),
                d.hypotheses());
    }

    /**
     * Provenance as JSON. Context values are user objects of any type: each is written as Jackson
     * writes it and read back as a tree (so {@code 5L} and {@code 5} compare equal), and a value
     * Jackson cannot write becomes a string naming its type, so provenance never breaks a result.
     */
    static JsonNode provenanceTree(Map<String, List<StepProvenance>> provenance) {
        Map<StepProvenance, JsonNode> converted = new IdentityHashMap<>();
        ObjectNode tree = Json.MAPPER.createObjectNode();
        provenance.forEach((run, steps) -> {
            ArrayNode list = tree.putArray(run);
            steps.forEach(step -> list.add(converted.computeIfAbsent(step, ResultJson::stepTree)));
        });
        return tree;
    }

    private static JsonNode stepTree(StepProvenance step) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("step", step.step());
        ObjectNode reads = node.putObject("reads");
        step.reads().forEach((key, value) -> reads.set(key, value(value)));
        ObjectNode writes = node.putObject("writes");
        step.writes().forEach((key, change) -> {
            ObjectNode write = writes.putObject(key);
            write.set("before", value(change.before()));
            write.set("after", value(change.after()));
        });
        node.set("metrics", value(step.metrics()));
        return node;
    }

    private static JsonNode value(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(value));
        } catch (RuntimeException e) {
            String text;
            try {
                text = String.valueOf(value);
            } catch (RuntimeException toStringFailed) {
                text = "?";
            }
            return JsonNodeFactory.instance.stringNode("<not serialisable as JSON: " + value.getClass().getName()
                    + "> " + text);
        }
    }

    private static Instant instant(String text) {
        return text == null || "null".equals(text) ? null : Instant.parse(text);
    }
}
