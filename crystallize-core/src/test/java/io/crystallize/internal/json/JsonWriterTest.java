package io.crystallize.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link JsonWriter} writes the bytes the mapper writes, compact and indented, for any plain document. */
class JsonWriterTest {

    @Test
    void randomDocumentsAreWrittenAsTheMapperWritesThem() {
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 500; i++) {
            Object document = value(random, 0);
            assertThat(new String(JsonOut.compact(document), StandardCharsets.UTF_8)).as("document %d", i)
                    .isEqualTo(new String(Json.MAPPER.writeValueAsBytes(document), StandardCharsets.UTF_8));
            assertThat(new String(JsonOut.pretty(document), StandardCharsets.UTF_8)).as("document %d", i)
                    .isEqualTo(new String(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document),
                            StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyAsciiCharacterIsEscapedAsTheMapperEscapesIt() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        all.append("é ≥ \u2028 \uD83D\uDE00 \u00FF");
        Map<String, Object> document = Map.of(all.toString(), all.toString());
        assertThat(JsonOut.text(document)).isEqualTo(Json.MAPPER.writeValueAsString(document));
    }

    @Test
    void theGeneratorsCallsWriteTheSameDocument() {
        JsonWriter out = JsonWriter.indented(4);
        out.writeStartObject();
        out.writeNumberProperty("int", 3);
        out.writeNumberProperty("long", 1L << 40);
        out.writeNumberProperty("double", 0.1);
        out.writeStringProperty("text", "a\"b");
        out.writeStringProperty("none", null);
        out.writeBooleanProperty("yes", true);
        out.writeObjectPropertyStart("empty");
        out.writeEndObject();
        out.writeArrayPropertyStart("values");
        out.writeNumber(Double.NaN);
        out.writeNumber(1.5f);
        out.writeStartObject();
        out.writeName("raw");
        out.writeRawValue("{\"x\":1}");
        out.writeEndObject();
        out.writeEndArray();
        out.writeEndObject();

        Map<String, Object> same = new LinkedHashMap<>();
        same.put("int", 3);
        same.put("long", 1L << 40);
        same.put("double", 0.1);
        same.put("text", "a\"b");
        same.put("none", null);
        same.put("yes", true);
        same.put("empty", Map.of());
        same.put("values", List.of(Double.NaN, 1.5f, Map.of("raw", Map.of("x", 1))));
        assertThat(out.toString()).isEqualTo(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(same)
                .replace("\"raw\" : {\n      \"x\" : 1\n    }", "\"raw\" : {\"x\":1}"));
    }

    @Test
    void aLoneSurrogateIsWrittenAsAQuestionMark() {
        assertThat(JsonOut.text(List.of("a\uD83Db"))).isEqualTo("[\"a?b\"]");
    }

    @Test
    void namesBelongInObjectsAndClosesToWhatIsOpen() {
        JsonWriter out = JsonWriter.compact(8);
        out.writeStartArray();
        assertThatThrownBy(() -> out.writeName("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("x");
        out.writeEndArray();
        assertThatThrownBy(out::writeEndObject).isInstanceOf(IllegalStateException.class);
    }

    /** A plain value: nested maps and lists down to four levels, with every kind of scalar. */
    private static Object value(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 7 : 10);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> number(random);
            case 5 -> text(random);
            case 6 -> new double[] {number(random), number(random)};
            case 7, 8 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    map.put(text(random) + i, value(random, depth + 1));
                }
                yield map;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    list.add(value(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static double number(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> Double.NaN;
            case 1 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> Double.longBitsToDouble(random.nextLong());
            case 3 -> random.nextInt(1000) / 10.0;
            default -> random.nextDouble() * Math.pow(10, random.nextInt(-30, 30));
        };
    }

    private static String text(SplittableRandom random) {
        String alphabet = "ab \"\\/\n\t\u0001\u001f\u007fé≥\u2028\uD83D\uDE00";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(alphabet.length() - 1);
            if (Character.isHighSurrogate(alphabet.charAt(at))) {
                text.append(alphabet, at, at + 2);
            } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                text.append(alphabet.charAt(at));
            }
        }
        return text.toString();
    }
}
