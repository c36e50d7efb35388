package io.crystallize.core;

import io.crystallize.base.RunFailure;
import io.crystallize.internal.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's record as bytes that cross a process boundary, and back. Metric values travel as JSON
 * doubles (shortest round-trip text, so every value comes back bit for bit); context values travel
 * as the JSON trees results files hold them as; artifacts a step wrote travel as bytes and are
 * stored by the calling JVM's artifact plugins when the record is read back, so their paths are
 * those an in-process run would have got.
 */
final class RunOutcomes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RunOutcomes() {
    }

    /** An artifact one step of a run wrote. */
    record Written(String step, String name, byte[] content) {
    }

    /**
     * @param record    the run's record, or {@code null} when even its failure could not be recorded
     * @param artifacts what its steps wrote, in order
     */
    static byte[] encode(RunTask task, RunRecord record, List<Written> artifacts) {
        ObjectNode root = NODES.objectNode();
        root.put("task", task.index());
        if (record == null) {
            root.put("lost", "the run's failure could not be recorded in its worker (memory ran out)");
            return Json.MAPPER.writeValueAsBytes(root);
        }
        if (record.metrics() != null) {
            ArrayNode metrics = root.putArray("metrics");
            Metrics m = record.metrics();
            for (String name : m.names()) {
                ObjectNode series = metrics.addObject();
                series.put("name", name);
                ArrayNode values = series.putArray("values");
                for (double v : m.values(name)) {
                    values.add(v);
                }
                List<Map<String, Object>> tags = m.tags(name);
                if (tags.stream().anyMatch(t -> !t.isEmpty())) {
                    ArrayNode tagList = series.putArray("tags");
                    tags.forEach(t -> tagList.add(values(t)));
                }
            }
        }
        RunTrace trace = record.trace();
        ArrayNode steps = root.putArray("steps");
        for (StepRecord s : trace.steps) {
            ObjectNode step = steps.addObject();
            step.put("step", s.step);
            step.set("reads", values(s.reads()));
            step.set("writes", values(s.writes()));
            ArrayNode names = step.putArray("metrics");
            ArrayNode before = step.putArray("before");
            ArrayNode after = step.putArray("after");
            for (int i = 0; i < s.metrics.length; i++) {
                names.add(s.metrics[i]);
                before.add(s.before[i]);
                after.add(s.after[i]);
            }
        }
        if (trace.partialValues != null) {
            ObjectNode partial = root.putObject("partial");
            trace.partialValues.forEach((name, values) -> {
                ArrayNode list = partial.putArray(name);
                for (double v : values) {
                    list.add(v);
                }
            });
        }
        RunFailure failure = record.failure();
        if (failure != null) {
            ObjectNode f = root.putObject("failure");
            f.put("step", failure.step());
            f.put("type", failure.type());
            f.put("message", failure.message());
            f.put("stackTrace", failure.stackTrace());
        }
        ArrayNode written = root.putArray("artifacts");
        for (Written artifact : artifacts) {
            ObjectNode a = written.addObject();
            a.put("step", artifact.step());
            a.put("name", artifact.name());
            a.put("content", artifact.content());
        }
        return Json.MAPPER.writeValueAsBytes(root);
    }

    private static ObjectNode values(Map<String, ?> values) {
        ObjectNode node = NODES.objectNode();
        values.forEach((k, v) -> node.set(k, ResultJson.value(v)));
        return node;
    }

    /** The task index an encoded outcome belongs to. */
    static int taskOf(byte[] outcome) {
        return Json.MAPPER.readTree(outcome).path("task").asInt(-1);
    }

    /**
     * The record of a run of condition {@code c} read back from {@code outcome}, its provenance
     * shared with identical runs through {@code interner} and its artifacts stored by
     * {@code stores} as an in-process run's would be.
     *
     * @return the record, or {@code null} when the outcome says the run was lost (see {@link #lostReason})
     */
    static RunRecord decode(byte[] outcome, RunTask task, int c, Provenance.Interner interner, Replay replay) {
        JsonNode root = Json.MAPPER.readTree(outcome);
        if (root.has("lost")) {
            return null;
        }
        Metrics metrics = null;
        if (root.has("metrics")) {
            metrics = new Metrics(task.replicate(), task.condition());
            for (JsonNode series : root.get("metrics")) {
                String name = series.get("name").asString();
                JsonNode tags = series.get("tags");
                int i = 0;
                for (JsonNode v : series.get("values")) {
                    metrics.record(name, v.asDouble(), tags == null ? Map.of() : plain(tags.get(i)));
                    i++;
                }
            }
        }
        JsonNode stepNodes = root.get("steps");
        StepRecord[] steps = new StepRecord[stepNodes.size()];
        for (int k = 0; k < steps.length; k++) {
            JsonNode s = stepNodes.get(k);
            int n = s.get("metrics").size();
            String[] names = new String[n];
            int[] before = new int[n];
            int[] after = new int[n];
            for (int i = 0; i < n; i++) {
                names[i] = s.get("metrics").get(i).asString();
                before[i] = s.get("before").get(i).asInt();
                after[i] = s.get("after").get(i).asInt();
            }
            StepRecord record = StepRecord.of(s.get("step").asString(), plain(s.get("reads")), plain(s.get("writes")),
                    n == 0 ? StepRecord.NO_KEYS : names, n == 0 ? StepRecord.NO_COUNTS : before,
                    n == 0 ? StepRecord.NO_COUNTS : after);
            steps[k] = interner.intern(interner.slot(c, k), record);
        }
        RunFailure failure = null;
        JsonNode f = root.get("failure");
        if (f != null) {
            failure = new RunFailure(task.condition(), task.replicate(), text(f.get("step")), f.get("type").asString(),
                    text(f.get("message")), text(f.get("stackTrace")));
        }
        RunTrace trace;
        if (failure == null) {
            trace = interner.internRun(c, steps);
        } else {
            Map<String, double[]> partial = new LinkedHashMap<>();
            JsonNode p = root.get("partial");
            if (p != null) {
                for (Map.Entry<String, JsonNode> e : p.properties()) {
                    double[] values = new double[e.getValue().size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = e.getValue().get(i).asDouble();
                    }
                    partial.put(e.getKey(), values);
                }
            }
            trace = new RunTrace(steps, partial);
        }
        List<Written> artifacts = new ArrayList<>();
        for (JsonNode a : root.path("artifacts")) {
            artifacts.add(new Written(a.get("step").asString(), a.get("name").asString(), a.get("content").binaryValue()));
        }
        if (task.warmup() || artifacts.isEmpty()) {
            return new RunRecord(metrics, trace, java.util.Collections.emptyList(), failure);
        }
        try {
            return new RunRecord(metrics, trace, replay.store(task, c, artifacts), failure);
        } catch (Exception e) {
            RunFailure storing = RunFailure.of(task.condition(), task.replicate(), null, e);
            return new RunRecord(null, new RunTrace(steps, Map.of()), java.util.Collections.emptyList(),
                    failure != null ? failure : storing);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    /** A JSON object's entries as plain Java values (maps, lists, strings, numbers, booleans). */
    private static Map<String, Object> plain(JsonNode object) {
        if (object == null || object.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = object.properties().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> e = entries.next();
            map.put(e.getKey(), Json.MAPPER.treeToValue(e.getValue(), Object.class));
        }
        return map;
    }

    /** Stores a remote run's artifacts in the calling JVM. */
    interface Replay {
        List<java.nio.file.Path> store(RunTask task, int c, List<Written> artifacts) throws Exception;
    }
}
