package io.crystallize.internal.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Reads JSON into plain values with Jackson's streaming parser alone, as
 * {@code Json.MAPPER.readValue(json, Object.class)} does: objects as {@link LinkedHashMap}s,
 * arrays as {@link ArrayList}s, whole numbers as {@link Integer}, {@link Long} or
 * {@link java.math.BigInteger} by size, other numbers (bare {@code NaN}/{@code Infinity} too)
 * as {@link Double}. Reading the report's files and a version's metadata this way spares a fresh
 * JVM the mapper (see {@link JsonOut}).
 */
public final class JsonIn {

    /** The mapper's settings for reading: bare {@code NaN}/{@code Infinity} tokens, fast doubles. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private JsonIn() {
    }

    /**
     * The value {@code json} holds.
     *
     * @throws tools.jackson.core.JacksonException when it is not one whole JSON value (empty,
     *                                            truncated, or followed by more)
     */
    public static Object read(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new StreamReadException(parser, "no content: the JSON is empty");
            }
            Object value = value(parser, first);
            if (parser.nextToken() != null) {
                throw new StreamReadException(parser, "more content after the JSON value");
            }
            return value;
        }
    }

    /** The object {@code json} holds; a JSON value of another kind is refused like malformed JSON. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(byte[] json) {
        Object value = read(json);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a JSON object, found " + (value == null ? "null"
                    : value instanceof List<?> ? "an array" : "a " + value.getClass().getSimpleName()));
        }
        return (Map<String, Object>) value;
    }

    private static Object value(JsonParser parser, JsonToken token) {
        if (token == null) {
            throw new StreamReadException(parser, "unexpected end of the JSON");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
                    String name = parser.currentName();
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getString();
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> parser.getIntValue();
                    case LONG -> parser.getLongValue();
                    default -> parser.getBigIntegerValue();
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new StreamReadException(parser, "unexpected " + token);
        }
    }
}
