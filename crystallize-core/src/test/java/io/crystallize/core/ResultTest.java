package io.crystallize.core;

import static io.crystallize.testing.Fixtures.increment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.internal.json.Json;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** REFERENCE-BEHAVIOUR items 21 and 22: aggregation and the JSON form of results. */
class ResultTest {

    private static final double[] ACCURACY = {0.90, 0.92, 0.94};

    @Test
    void perReplicateMetricsAggregateInReplicateOrderWithSeeds() {
        Result result = Experiment.builder("result").dataSource(ctx -> ctx.replicate())
                .step(Step.<Integer, Integer>of("Score", (r, ctx) -> {
                    ctx.metrics().record("accuracy", ACCURACY[r]);
                    ctx.metrics().record("loss", 1 - ACCURACY[r]);
                    return r;
                })).seed(10).replicates(3).build().run();

        assertThat(result.metric("baseline", "accuracy").values()).containsExactly(0.90, 0.92, 0.94);
        assertThat(result.metric("baseline", "accuracy").replicates()).containsExactly(0, 1, 2);
        assertThat(result.metric("baseline", "loss").values()).containsExactly(1 - 0.90, 1 - 0.92, 1 - 0.94);
        assertThat(result.seeds()).containsExactly(10L, 10L + 31337, 10L + 2 * 31337);
        assertThat(result.masterSeed()).isEqualTo(10L);
    }

    @Test
    void failedReplicateContributesNoValueButKeepsItsIndex() {
        Result result = Experiment.builder("result").dataSource(new ReplicateSource())
                .step(Step.<Integer, Integer>of("FailOnOne", (data, ctx) -> {
                    if (ctx.replicate() == 1) {
                        throw new IllegalStateException("replicate 1 fails");
                    }
                    return data;
                })).step(new RecordStep()).treatment(increment("treat", 10)).replicates(3).build().run();

        assertThat(result.metric("baseline", "metric").values()).containsExactly(0, 2);
        assertThat(result.metric("baseline", "metric").replicates()).containsExactly(0, 2);
        assertThat(result.metric("treat", "metric").values()).containsExactly(10, 12);
        assertThat(result.metric("treat", "metric").replicates()).containsExactly(0, 2);
        assertThat(result.errors()).containsOnlyKeys("baseline_rep_1", "treat_rep_1");
    }

    @Test
    void jsonHasEveryPartAndReadsBackIntoAnEqualResult() {
        Result result = richResult();
        JsonNode json = Json.MAPPER.readTree(result.toJson());

        for (String field : List.of("started", "finished", "metrics", "hypotheses", "artifacts", "errors",
                "provenance", "seeds", "masterSeed", "conditions", "formatVersion")) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("errors").has("baseline_rep_1")).isTrue();
        assertThat(json.get("errors").get("baseline_rep_1").get("stackTrace").asString()).contains("IllegalStateException");
        Result back = Result.fromJson(result.toJson());
        assertThat(back).isEqualTo(result);
        assertThat(back.toJson()).isEqualTo(result.toJson());
        assertThat(back.getHypothesis("metric").orElseThrow()).isEqualTo(result.getHypothesis("metric").orElseThrow());
    }

    @Test
    void resultCannotBeChangedThroughItsViews() {
        Result result = richResult();

        assertThatThrownBy(() -> result.errors().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.metrics().get("baseline").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.provenance().get("baseline_rep_0").clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.provenance().get("baseline_rep_0").get(0).metrics().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.artifacts().get("baseline").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.seeds().clear()).isInstanceOf(UnsupportedOperationException.class);
        double[] values = result.metric("baseline", "metric").values();
        values[0] = 99;
        assertThat(result.metric("baseline", "metric").values()[0]).isZero();
    }

    @Test
    void jsonOfANewerFormatIsRefusedWithAClearMessage() {
        ObjectNode document =
                (ObjectNode) Json.MAPPER.readTree(richResult().toJson());
        document.put("formatVersion", Result.FORMAT_VERSION + 1);
        String json = Json.MAPPER.writeValueAsString(document);

        assertThatThrownBy(() -> Result.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format version " + (Result.FORMAT_VERSION + 1)).hasMessageContaining("upgrade");
    }

    @Test
    void nonFiniteMetricsAreBareTokensAndReadBack() {
        Result result = Experiment.builder("result").dataSource(ctx -> ctx.replicate())
                .step(Step.<Integer, Integer>of("Odd", (r, ctx) -> {
                    ctx.metrics().record("m", r == 0 ? Double.NaN : Double.POSITIVE_INFINITY);
                    ctx.metrics().record("n", Double.NEGATIVE_INFINITY);
                    return r;
                })).replicates(2).build().run();

        String json = result.toJson();
        assertThat(json).contains("NaN").contains("Infinity").contains("-Infinity")
                .doesNotContain("\"NaN\"").doesNotContain("\"Infinity\"");
        Result back = Result.fromJson(json);
        assertThat(back.metric("baseline", "m").values()).containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
        assertThat(back.metric("baseline", "n").values())
                .containsExactly(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertThat(back).isEqualTo(result);
    }

    @Test
    void provenanceOfAnyValueTypeRoundTripsAndNeverBreaksTheJson() {
        Object opaque = new UnwritableModel();
        Result result = Experiment.builder("result").dataSource(ctx -> 0).parameter("budget", 5L)
                .parameter("weights", List.of(0.5, 0.25))
                .step(Step.<Integer, Integer>of("Load", (data, ctx) -> {
                    ctx.set("model", opaque);
                    ctx.set("threshold", 0.5f);
                    return data;
                }))
                .step(Step.<Integer, Integer>of("Use", (data, ctx) -> {
                    ctx.get("model");
                    ctx.get("weights");
                    ctx.metrics().record("budget", ctx.getLong("budget"));
                    return data;
                })).build().run();

        assertThat(result.errors()).isEmpty();
        String json = result.toJson();
        assertThat(json).contains("opaque model");
        assertThat(Result.fromJson(json)).isEqualTo(result);
    }

    /**
     * Results files are written without the mapper (a fresh JVM's first result would load it), as
     * the mapper writes the result's document: byte for byte, for every part a result can have.
     */
    @Test
    void theResultsFileIsWhatTheMapperWritesOfTheDocument() {
        Result partial = Experiment.builder("partial").dataSource(ctx -> ctx.replicate())
                .step(Step.<Integer, Integer>of("RecordThenFail", (r, ctx) -> {
                    ctx.metrics().record("m", r * 0.1);
                    ctx.set("weights", new double[] {0.5, 1e-300});
                    ctx.set("count", 7L);
                    ctx.set("label", "\u00e9\"\n");
                    if (r == 1) {
                        throw new IllegalStateException("after recording");
                    }
                    return r;
                })).replicates(3).options(ExecutionOptions.defaults().withToleratedFailureFraction(0.5)).build().run();
        Result nonFinite = Experiment.builder("result").dataSource(ctx -> ctx.replicate())
                .step(Step.<Integer, Integer>of("Odd", (r, ctx) -> {
                    ctx.metrics().record("m", r == 0 ? Double.NaN : Double.POSITIVE_INFINITY);
                    return r;
                })).replicates(2).build().run();
        Result anyValue = Experiment.builder("result").dataSource(ctx -> 0).parameter("budget", 5L)
                .step(Step.<Integer, Integer>of("Load", (data, ctx) -> {
                    ctx.set("model", new UnwritableModel());
                    ctx.set("threshold", 0.5f);
                    ctx.set("nan", Double.NaN);
                    return data;
                })).build().run();
        Result rich = richResult();
        Result reused = rich.withReused(Map.of("treat", "v3"));

        for (Result result : List.of(partial, nonFinite, anyValue, rich, reused)) {
            for (boolean withMetrics : new boolean[] {true, false}) {
                assertThat(ResultJson.write(result, withMetrics))
                        .isEqualTo(Json.MAPPER.writeValueAsString(ResultJson.document(result, withMetrics)));
            }
        }
        assertThat(partial.errors()).hasSize(1);
        assertThat(ResultJson.write(partial, true)).contains("\"partial\":{\"1\"");
        assertThat(ResultJson.write(reused, true)).contains("\"reused\":{\"treat\":\"v3\"}");
    }

    /** A value Jackson cannot write: its getter throws. */
    public static final class UnwritableModel {
        public double[] getWeights() {
            throw new IllegalStateException("weights are not loaded");
        }

        @Override
        public String toString() {
            return "opaque model";
        }
    }

    private static Result richResult() {
        Step<Integer, Integer> failOnOne = Step.of("FailOnOne", (data, ctx) -> {
            if (ctx.replicate() == 1 && ctx.condition().equals("baseline")) {
                throw new IllegalStateException("replicate 1 fails");
            }
            ctx.artifacts().writeText("note.txt", "x");
            return data;
        });
        return Experiment.builder("result").dataSource(new ReplicateSource()).step(failOnOne)
                .step(new RecordStep()).treatment(increment("treat", 1)).treatment(Treatment.of("same", Map.of()))
                .hypothesis(Hypothesis.on("metric").build()).replicates(4)
                .options(ExecutionOptions.defaults().withToleratedFailureFraction(0.25)).build().run();
    }
}
