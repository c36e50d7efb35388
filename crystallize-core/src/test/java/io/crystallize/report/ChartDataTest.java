package io.crystallize.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.internal.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The data embedded in pages: strict JSON a browser parses, and text that cannot end its script element. */
class ChartDataTest {

    /** JSON as browsers' JSON.parse reads it: no NaN tokens. */
    private static final JsonMapper STRICT = JsonMapper.builder().disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    @Test
    void nonFiniteNumbersBecomeNullAndNumbersKeepEveryDigit() {
        String json = new ChartData().beginObject().field("nan", Double.NaN).field("inf", Double.NEGATIVE_INFINITY)
                .field("third", 1.0 / 3).field("whole", 30.0).field("big", 1e9 + 0.25).key("values")
                .values(new double[] {1.5, Double.NaN, -2}, 3).endObject().toString();

        JsonNode node = STRICT.readTree(json);
        assertThat(node.get("nan").isNull()).isTrue();
        assertThat(node.get("inf").isNull()).isTrue();
        assertThat(node.get("third").asDouble()).isEqualTo(1.0 / 3);
        assertThat(node.get("whole").asInt()).isEqualTo(30);
        assertThat(node.get("big").asDouble()).isEqualTo(1e9 + 0.25);
        assertThat(node.get("values").get(1).isNull()).isTrue();
        assertThat(node.get("values").get(2).asDouble()).isEqualTo(-2);
    }

    @Test
    void textCannotCloseTheScriptElementItSitsIn() {
        String hostile = "</script><script>alert(\"x\")</script>\u2028&";
        String json = new ChartData().beginObject().field("label", hostile).endObject().toString();

        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        assertThat(Json.MAPPER.readTree(json).get("label").asString()).isEqualTo(hostile);
    }

    @Test
    void nestedArraysAndObjectsAreSeparatedCorrectly() {
        String json = new ChartData().beginObject().key("a").beginArray().beginObject().field("x", 1).endObject()
                .beginObject().field("x", 2).field("y", true).endObject().endArray().field("b", (String) null)
                .endObject().toString();

        assertThat(json).isEqualTo("{\"a\":[{\"x\":1},{\"x\":2,\"y\":true}],\"b\":null}");
    }
}
