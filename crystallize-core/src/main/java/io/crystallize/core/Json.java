package io.crystallize.core;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for results and artifacts. Non-finite numbers are written as the bare
 * {@code NaN}/{@code Infinity} tokens of the reference library's files, and read back.
 */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private Json() {
    }
}
