package io.crystallize.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** {@link JsonIn} reads what the mapper reads as plain values, without building the mapper. */
class JsonInTest {

    @Test
    void valuesAreReadAsTheMapperReadsThem() {
        String json = """
                {"text": "é \\" \\\\ \\n \\u0000 \\ud83d\\ude00", "int": -2147483648, "long": 2147483648,
                 "big": 123456789012345678901234567890, "double": 0.1, "exp": 1e-300, "nan": NaN,
                 "inf": -Infinity, "yes": true, "no": false, "nothing": null, "empty": {}, "list": [],
                 "nested": {"a": [1, 2.5, [null, "x"]], "b": {"c": {}}}, "dup": 1, "dup": 2}
                """;
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        Object mine = JsonIn.read(bytes);
        Object mapper = Json.MAPPER.readValue(bytes, Object.class);
        assertThat(mine).isEqualTo(mapper);
        assertThat(((Map<?, ?>) mine).get("long")).isInstanceOf(Long.class);
        assertThat(((Map<?, ?>) mine).get("int")).isInstanceOf(Integer.class);
        assertThat((Double) ((Map<?, ?>) mine).get("nan")).isNaN();
        assertThat(JsonIn.read("[1, \"a\"]".getBytes(StandardCharsets.UTF_8))).isEqualTo(List.of(1, "a"));
    }

    @Test
    void anythingButOneWholeValueIsRefused() {
        for (String bad : List.of("", "   ", "{\"a\": [1, 2", "{\"a\": 1", "{\"a\": 1} {}", "[1] x", "{\"a\" 1}")) {
            assertThatThrownBy(() -> JsonIn.read(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(JacksonException.class);
        }
        assertThatThrownBy(() -> JsonIn.readObject("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an array");
    }
}
