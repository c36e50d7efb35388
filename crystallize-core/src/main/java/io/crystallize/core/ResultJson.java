package io.crystallize.core;

import io.crystallize.base.MetricSeries;
import io.crystallize.base.RunFailure;
import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Ranking;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.internal.json.Json;
import io.crystallize.internal.json.JsonOut;
import io.crystallize.internal.json.JsonWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The JSON form of a {@link Result}: plain records that Jackson maps both ways. */
final class ResultJson {

    private ResultJson() {
    }

    record Series(double[] values, int[] replicates) {
    }

    record Failure(String condition, int replicate, String step, String type, String message, String stackTrace) {
    }

    /** One distinct step record; metrics: name → [values before, values after] counts. */
    record StepDto(String step, Map<String, Object> reads, Map<String, Object> writes, Map<String, int[]> metrics) {
    }

    /**
     * One condition's runs, run-length encoded: segment i covers replicates from starts[i]; its
     * trace lists indices into the step table ({@code null} when the runs did not start);
     * partial holds, per segment index, the metric values a failed run recorded.
     */
    record RunsDto(int[] starts, List<int[]> traces, Map<String, Map<String, double[]>> partial) {
    }

    record ProvenanceDto(List<StepDto> steps, Map<String, RunsDto> runs) {
    }

    record Document(int formatVersion, String experiment, String started, String finished, long masterSeed,
            int replicates, List<String> conditions, Map<String, Map<String, Series>> metrics, List<Long> seeds,
            Map<String, Failure> errors, ProvenanceDto provenance,
            Map<String, List<String>> artifacts, List<HypothesisResult> hypotheses,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Map<String, String> reused) {
    }

    /**
     * The result as {@link Json#MAPPER} writes {@link #document}, streamed field by field by
     * {@link JsonOut}: a fresh JVM's first result then needs no mapper, and no tree of maps is built
     * for the writer to walk (ResultTest compares the two).
     */
    static String write(Result r, boolean withMetrics) {
        JsonWriter g = JsonWriter.compact(4096);
        write(g, r, withMetrics);
        return g.toString();
    }

    /** {@link #document}'s fields, in its order. */
    private static void write(JsonWriter g, Result r, boolean withMetrics) {
        g.writeStartObject();
        g.writeNumberProperty("formatVersion", Result.FORMAT_VERSION);
        g.writeStringProperty("experiment", r.experiment());
        g.writeStringProperty("started", String.valueOf(r.started()));
        g.writeStringProperty("finished", String.valueOf(r.finished()));
        g.writeNumberProperty("masterSeed", r.masterSeed());
        g.writeNumberProperty("replicates", r.replicates());
        JsonOut.property(g, "conditions", r.conditions());
        g.writeObjectPropertyStart("metrics");
        if (withMetrics) {
            r.metrics().forEach((condition, byName) -> {
                g.writeObjectPropertyStart(condition);
                byName.forEach((name, series) -> {
                    g.writeObjectPropertyStart(name);
                    JsonOut.property(g, "values", series.values());
                    JsonOut.property(g, "replicates", series.replicates());
                    g.writeEndObject();
                });
                g.writeEndObject();
            });
        }
        g.writeEndObject();
        JsonOut.property(g, "seeds", r.seeds());
        g.writeObjectPropertyStart("errors");
        r.errors().forEach((key, f) -> {
            g.writeObjectPropertyStart(key);
            g.writeStringProperty("condition", f.condition());
            g.writeNumberProperty("replicate", f.replicate());
            g.writeStringProperty("step", f.step());
            g.writeStringProperty("type", f.type());
            g.writeStringProperty("message", f.message());
            g.writeStringProperty("stackTrace", f.stackTrace());
            g.writeEndObject();
        });
        g.writeEndObject();
        g.writeName("provenance");
        write(g, provenance(r, true));
        JsonOut.property(g, "artifacts", r.artifacts());
        g.writeArrayPropertyStart("hypotheses");
        for (HypothesisResult h : r.hypotheses()) {
            write(g, h);
        }
        g.writeEndArray();
        if (!r.reused().isEmpty()) {
            JsonOut.property(g, "reused", r.reused());
        }
        g.writeEndObject();
    }

    private static void write(JsonWriter g, ProvenanceDto p) {
        g.writeStartObject();
        g.writeArrayPropertyStart("steps");
        for (StepDto s : p.steps()) {
            g.writeStartObject();
            g.writeStringProperty("step", s.step());
            JsonOut.property(g, "reads", s.reads());
            JsonOut.property(g, "writes", s.writes());
            JsonOut.property(g, "metrics", s.metrics());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("runs");
        p.runs().forEach((condition, runs) -> {
            g.writeObjectPropertyStart(condition);
            JsonOut.property(g, "starts", runs.starts());
            JsonOut.property(g, "traces", runs.traces());
            JsonOut.property(g, "partial", runs.partial());
            g.writeEndObject();
        });
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void write(JsonWriter g, HypothesisResult h) {
        g.writeStartObject();
        g.writeStringProperty("name", h.name());
        JsonOut.property(g, "metrics", h.metrics());
        JsonOut.property(g, "treatments", h.treatments());
        g.writeArrayPropertyStart("verdicts");
        for (Verdict v : h.verdicts()) {
            write(g, v);
        }
        g.writeEndArray();
        g.writeName("ranking");
        if (h.ranking() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringProperty("best", h.ranking().best());
            g.writeArrayPropertyStart("ranked");
            for (Ranking.Ranked one : h.ranking().ranked()) {
                g.writeStartObject();
                g.writeStringProperty("treatment", one.treatment());
                g.writeNumberProperty("score", one.score());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        JsonOut.property(g, "direction", h.direction());
        g.writeName("expectation");
        if (h.expectation() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            JsonOut.property(g, "kind", h.expectation().kind());
            g.writeNumberProperty("margin", h.expectation().margin());
            g.writeBooleanProperty("relative", h.expectation().relative());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void write(JsonWriter g, Verdict v) {
        g.writeStartObject();
        g.writeStringProperty("metric", v.metric());
        g.writeStringProperty("treatment", v.treatment());
        JsonOut.property(g, "status", v.status());
        g.writeStringProperty("test", v.test());
        g.writeStringProperty("method", v.method());
        g.writeStringProperty("alternative", v.alternative());
        g.writeNumberProperty("statistic", v.statistic());
        g.writeNumberProperty("pValue", v.pValue());
        g.writeNumberProperty("adjustedPValue", v.adjustedPValue());
        g.writeStringProperty("correction", v.correction());
        g.writeNumberProperty("alpha", v.alpha());
        g.writeNumberProperty("baselineMean", v.baselineMean());
        g.writeNumberProperty("treatmentMean", v.treatmentMean());
        g.writeNumberProperty("difference", v.difference());
        g.writeNumberProperty("relativePercent", v.relativePercent());
        g.writeNumberProperty("effectSize", v.effectSize());
        g.writeStringProperty("effectSizeName", v.effectSizeName());
        g.writeNumberProperty("ciLow", v.ciLow());
        g.writeNumberProperty("ciHigh", v.ciHigh());
        g.writeNumberProperty("relativeCiLow", v.relativeCiLow());
        g.writeNumberProperty("relativeCiHigh", v.relativeCiHigh());
        g.writeNumberProperty("nBaseline", v.nBaseline());
        g.writeNumberProperty("nTreatment", v.nTreatment());
        g.writeNumberProperty("nPairs", v.nPairs());
        g.writeNumberProperty("mde", v.mde());
        g.writeNumberProperty("mdeStandardized", v.mdeStandardized());
        g.writeStringProperty("message", v.message());
        g.writeStringProperty("error", v.error());
        g.writeBooleanProperty("supported", v.isSupported());
        g.writeEndObject();
    }

    /** The records {@link #read} maps JSON into; what {@link #write} must write (ResultTest compares the two). */
    static Document document(Result r, boolean withMetrics) {
        Map<String, Map<String, Series>> metrics = new LinkedHashMap<>();
        (withMetrics ? r.metrics() : Map.<String, Map<String, MetricSeries>>of()).forEach((condition, byName) -> {
            Map<String, Series> series = new LinkedHashMap<>();
            byName.forEach((name, s) -> series.put(name, new Series(s.values(), s.replicates())));
            metrics.put(condition, series);
        });
        Map<String, Failure> errors = new LinkedHashMap<>();
        r.errors().forEach((key, f) -> errors.put(key,
                new Failure(f.condition(), f.replicate(), f.step(), f.type(), f.message(), f.stackTrace())));
        return new Document(Result.FORMAT_VERSION, r.experiment(), String.valueOf(r.started()),
                String.valueOf(r.finished()), r.masterSeed(), r.replicates(), r.conditions(), metrics, r.seeds(),
                errors, provenance(r, false), r.artifacts(), r.hypotheses(), r.reused().isEmpty() ? null : r.reused());
    }

    static Result read(String json, Map<String, Map<String, MetricSeries>> metricsElsewhere) {
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
        if (metricsElsewhere != null) {
            metrics.putAll(metricsElsewhere);
        }
        Map<String, RunFailure> errors = new LinkedHashMap<>();
        d.errors().forEach((key, f) -> errors.put(key,
                new RunFailure(f.condition(), f.replicate(), f.step(), f.type(), f.message(), f.stackTrace())));
        return new Result(d.experiment(), instant(d.started()), instant(d.finished()), d.masterSeed(),
                d.replicates(), d.conditions(), metrics, d.seeds().stream().mapToLong(Long::longValue).toArray(), errors,
                provenance(d.provenance()), d.artifacts(), d.hypotheses()).withReused(d.reused());
    }

    static JsonNode provenanceTree(Result r) {
        return Json.MAPPER.valueToTree(provenance(r, false));
    }

    /** @param plainValues context values of plain types as they are, not as trees (for {@link JsonOut}) */
    private static ProvenanceDto provenance(Result r, boolean plainValues) {
        Map<StepRecord, Integer> index = new IdentityHashMap<>();
        List<StepDto> steps = new ArrayList<>();
        Map<String, RunsDto> runs = new LinkedHashMap<>();
        r.compactProvenance().forEach((condition, p) -> {
            List<int[]> traces = new ArrayList<>();
            Map<String, Map<String, double[]>> partial = new LinkedHashMap<>();
            RunTrace[] all = p.traces();
            for (int i = 0; i < all.length; i++) {
                RunTrace trace = all[i];
                if (trace == null) {
                    traces.add(null);
                    continue;
                }
                int[] ids = new int[trace.steps.length];
                for (int k = 0; k < ids.length; k++) {
                    StepRecord step = trace.steps[k];
                    ids[k] = index.computeIfAbsent(step, s -> {
                        Map<String, int[]> counts = new LinkedHashMap<>();
                        for (int m = 0; m < s.metrics.length; m++) {
                            counts.put(s.metrics[m], new int[] {s.before[m], s.after[m]});
                        }
                        steps.add(new StepDto(s.step, values(s.reads(), plainValues), values(s.writes(), plainValues),
                                counts));
                        return steps.size() - 1;
                    });
                }
                traces.add(ids);
                if (trace.partialValues != null) {
                    partial.put(String.valueOf(i), trace.partialValues);
                }
            }
            runs.put(condition, new RunsDto(p.starts(), traces, partial));
        });
        return new ProvenanceDto(steps, runs);
    }

    private static Map<String, Provenance> provenance(ProvenanceDto dto) {
        List<StepRecord> steps = new ArrayList<>();
        for (StepDto s : dto.steps()) {
            String[] names = s.metrics().keySet().toArray(new String[0]);
            int[] before = new int[names.length];
            int[] after = new int[names.length];
            for (int m = 0; m < names.length; m++) {
                before[m] = s.metrics().get(names[m])[0];
                after[m] = s.metrics().get(names[m])[1];
            }
            steps.add(StepRecord.of(s.step(), s.reads(), s.writes(), names, before, after));
        }
        Map<String, Provenance> result = new LinkedHashMap<>();
        dto.runs().forEach((condition, runs) -> {
            RunTrace[] traces = new RunTrace[runs.traces().size()];
            for (int i = 0; i < traces.length; i++) {
                int[] ids = runs.traces().get(i);
                if (ids == null) {
                    continue;
                }
                StepRecord[] records = new StepRecord[ids.length];
                for (int k = 0; k < ids.length; k++) {
                    records[k] = steps.get(ids[k]);
                }
                traces[i] = new RunTrace(records, runs.partial().get(String.valueOf(i)));
            }
            result.put(condition, new Provenance(traces, runs.starts()));
        });
        return result;
    }

    /**
     * Context values are user objects of any type: each is written as Jackson writes it and read
     * back as a tree (so {@code 5L} and {@code 5} compare equal), and a value Jackson cannot write
     * becomes a string naming its type, so provenance never breaks a result.
     */
    private static Map<String, Object> values(Map<String, Object> values, boolean plainValues) {
        if (values.isEmpty()) {
            return values;
        }
        Map<String, Object> trees = new LinkedHashMap<>();
        values.forEach((key, value) -> trees.put(key, plainValues && isPlain(value) ? value : value(value)));
        return trees;
    }

    /** A value {@link #plainValue} makes a tree of, written by {@link JsonOut} exactly as that tree. */
    private static boolean isPlain(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof Long
                || value instanceof Double d && Double.isFinite(d);
    }

    static JsonNode value(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        JsonNode plain = plainValue(value);
        if (plain != null) {
            return plain;
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

    /**
     * The tree that writing and reading back gives, made directly for the plain types whose
     * round trip is known (text, booleans, whole numbers, finite doubles); null for any other.
     */
    private static JsonNode plainValue(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof String text) {
            return nodes.stringNode(text);
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return nodes.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return l == (int) (long) l ? nodes.numberNode((int) (long) l) : nodes.numberNode((long) l);
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return nodes.numberNode((double) d);
        }
        return null;
    }

    private static Instant instant(String text) {
        return text == null || "null".equals(text) ? null : Instant.parse(text);
    }
}
