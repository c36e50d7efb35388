package io.crystallize.core;

import io.crystallize.base.MetricSeries;
import io.crystallize.base.RunFailure;
import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Ranking;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.internal.json.Json;
import io.crystallize.internal.json.JsonOut;
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
     * The result as {@link Json#MAPPER} writes {@link #document}, written from plain maps and lists
     * by {@link JsonOut}: a fresh JVM's first result then needs no mapper (JsonOutTest compares the two).
     */
    static String write(Result r, boolean withMetrics) {
        return JsonOut.text(plain(r, withMetrics));
    }

    /** {@link #document}'s fields, in its order, as plain values. */
    static Map<String, Object> plain(Result r, boolean withMetrics) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        (withMetrics ? r.metrics() : Map.<String, Map<String, MetricSeries>>of()).forEach((condition, byName) -> {
            Map<String, Object> series = new LinkedHashMap<>();
            byName.forEach((name, s) -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("values", s.values());
                one.put("replicates", s.replicates());
                series.put(name, one);
            });
            metrics.put(condition, series);
        });
        Map<String, Object> errors = new LinkedHashMap<>();
        r.errors().forEach((key, f) -> {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("condition", f.condition());
            failure.put("replicate", f.replicate());
            failure.put("step", f.step());
            failure.put("type", f.type());
            failure.put("message", f.message());
            failure.put("stackTrace", f.stackTrace());
            errors.put(key, failure);
        });
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("formatVersion", Result.FORMAT_VERSION);
        d.put("experiment", r.experiment());
        d.put("started", String.valueOf(r.started()));
        d.put("finished", String.valueOf(r.finished()));
        d.put("masterSeed", r.masterSeed());
        d.put("replicates", r.replicates());
        d.put("conditions", r.conditions());
        d.put("metrics", metrics);
        d.put("seeds", r.seeds());
        d.put("errors", errors);
        d.put("provenance", plain(provenance(r, true)));
        d.put("artifacts", r.artifacts());
        d.put("hypotheses", r.hypotheses().stream().map(ResultJson::plain).toList());
        if (!r.reused().isEmpty()) {
            d.put("reused", r.reused());
        }
        return d;
    }

    private static Map<String, Object> plain(ProvenanceDto p) {
        List<Object> steps = new ArrayList<>();
        for (StepDto s : p.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", s.step());
            step.put("reads", s.reads());
            step.put("writes", s.writes());
            step.put("metrics", s.metrics());
            steps.add(step);
        }
        Map<String, Object> runs = new LinkedHashMap<>();
        p.runs().forEach((condition, dto) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("starts", dto.starts());
            one.put("traces", dto.traces());
            one.put("partial", dto.partial());
            runs.put(condition, one);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("steps", steps);
        out.put("runs", runs);
        return out;
    }

    private static Map<String, Object> plain(HypothesisResult h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", h.name());
        out.put("metrics", h.metrics());
        out.put("treatments", h.treatments());
        out.put("verdicts", h.verdicts().stream().map(ResultJson::plain).toList());
        Map<String, Object> ranking = null;
        if (h.ranking() != null) {
            ranking = new LinkedHashMap<>();
            ranking.put("best", h.ranking().best());
            List<Object> ranked = new ArrayList<>();
            for (Ranking.Ranked one : h.ranking().ranked()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("treatment", one.treatment());
                entry.put("score", one.score());
                ranked.add(entry);
            }
            ranking.put("ranked", ranked);
        }
        out.put("ranking", ranking);
        out.put("direction", h.direction());
        Map<String, Object> expectation = null;
        if (h.expectation() != null) {
            expectation = new LinkedHashMap<>();
            expectation.put("kind", h.expectation().kind());
            expectation.put("margin", h.expectation().margin());
            expectation.put("relative", h.expectation().relative());
        }
        out.put("expectation", expectation);
        return out;
    }

    private static Map<String, Object> plain(Verdict v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", v.metric());
        out.put("treatment", v.treatment());
        out.put("status", v.status());
        out.put("test", v.test());
        out.put("method", v.method());
        out.put("alternative", v.alternative());
        out.put("statistic", v.statistic());
        out.put("pValue", v.pValue());
        out.put("adjustedPValue", v.adjustedPValue());
        out.put("correction", v.correction());
        out.put("alpha", v.alpha());
        out.put("baselineMean", v.baselineMean());
        out.put("treatmentMean", v.treatmentMean());
        out.put("difference", v.difference());
        out.put("relativePercent", v.relativePercent());
        out.put("effectSize", v.effectSize());
        out.put("effectSizeName", v.effectSizeName());
        out.put("ciLow", v.ciLow());
        out.put("ciHigh", v.ciHigh());
        out.put("relativeCiLow", v.relativeCiLow());
        out.put("relativeCiHigh", v.relativeCiHigh());
        out.put("nBaseline", v.nBaseline());
        out.put("nTreatment", v.nTreatment());
        out.put("nPairs", v.nPairs());
        out.put("mde", v.mde());
        out.put("mdeStandardized", v.mdeStandardized());
        out.put("message", v.message());
        out.put("error", v.error());
        out.put("supported", v.isSupported());
        return out;
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
