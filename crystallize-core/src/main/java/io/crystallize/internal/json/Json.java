package io.crystallize.internal.json;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for results and artifacts. Non-finite numbers are written as the bare
 * {@code NaN}/{@code Infinity} tokens of the reference library's files, and read back. Doubles
 * are written and parsed by Jackson's fast (shortest round-trip, correctly rounded) routines: on
 * JDK 17 {@code Double.toString} made up a third of a run's cost in the results file.
 */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private Json() {
    }
}
