package io.crystallize.report;

import io.crystallize.internal.json.Json;
import io.crystallize.internal.json.JsonOut;
import java.util.Map;

/** Values read from JSON metadata as one line of text: strings as they are, anything else as compact JSON. */
final class Text {

    private Text() {
    }

    static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> map && map.values().stream().allMatch(v -> v instanceof String)) {
            StringBuilder s = new StringBuilder();
            map.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            return s.toString();
        }
        try {
            return JsonOut.isPlain(value) ? JsonOut.text(value) : Json.MAPPER.writeValueAsString(value);
        } catch (RuntimeException e) {
            return String.valueOf(value);
        }
    }
}
