package io.crystallize.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link JsonOut} writes what the mapper writes, byte for byte, without building the mapper. */
class JsonOutTest {

    private enum Colour { RED }

    private record Opaque(String name, double weight) {
    }

    @Test
    void plainValuesAreWrittenAsTheMapperWritesThem() {
        Map<String, Object> value = plainDocument();

        assertThat(JsonOut.isPlain(value)).isTrue();
        assertThat(new String(JsonOut.compact(value), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.MAPPER.writeValueAsBytes(value), StandardCharsets.UTF_8));
        assertThat(new String(JsonOut.pretty(value), StandardCharsets.UTF_8)).isEqualTo(new String(
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value), StandardCharsets.UTF_8));
        assertThat(JsonOut.text(value)).isEqualTo(Json.MAPPER.writeValueAsString(value));
        assertThat(JsonOut.text(value)).contains("NaN").doesNotContain("\"NaN\"");
    }

    @Test
    void otherValuesAreHandedToTheMapper() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("model", new Opaque("m", 0.5));
        value.put("byNumber", Map.of(1, "one"));
        value.put("plain", 3);

        assertThat(JsonOut.isPlain(value)).isFalse();
        assertThat(JsonOut.isPlain(Map.of(1, "one"))).isFalse();
        assertThat(JsonOut.text(value)).isEqualTo(Json.MAPPER.writeValueAsString(value));
        assertThat(Json.MAPPER.readTree(JsonOut.pretty(value)))
                .isEqualTo(Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(value)));
    }

    @Test
    void theStreamReadsWhatTheMapperReads() {
        byte[] json = "{\"a\": NaN, \"b\": [1.5, -Infinity]}".getBytes(StandardCharsets.UTF_8);
        try (var parser = JsonIn.FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), json)) {
            List<String> tokens = new ArrayList<>();
            for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                tokens.add(token.name());
            }
            assertThat(tokens).contains("VALUE_NUMBER_FLOAT");
        }
    }

    private static Map<String, Object> plainDocument() {
        Map<String, Object> nested = new TreeMap<>();
        nested.put("z", List.of());
        nested.put("a", Map.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "é \" \\ \n \t \u0000 \uD83D\uDE00 </script>");
        m.put("empty", "");
        m.put("null", null);
        m.put("yes", true);
        m.put("int", Integer.MIN_VALUE);
        m.put("short", (short) -3);
        m.put("byte", (byte) 7);
        m.put("long", Long.MAX_VALUE);
        m.put("float", 0.1f);
        m.put("bigInteger", new BigInteger("123456789012345678901234567890"));
        m.put("bigDecimal", new BigDecimal("1.50"));
        m.put("doubles", new double[] {0.1, -0.0, 1e-300, 1.7976931348623157E308, 4.9E-324, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, 123456.789, 1e21});
        m.put("boxedDoubles", Arrays.asList(0.5, Double.NaN, null, 2.0 / 3));
        m.put("ints", new int[] {0, -1, Integer.MAX_VALUE});
        m.put("longs", new long[] {Long.MIN_VALUE, 31337});
        m.put("emptyArray", new double[0]);
        m.put("enum", Colour.RED);
        m.put("nested", nested);
        m.put("lists", List.of(List.of(1, 2), List.of(), Map.of("k", List.of("v"))));
        return m;
    }
}
