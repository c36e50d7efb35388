package io.crystallize.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Context values in provenance: plain ones made directly give the tree the written-and-read-back value gives. */
class ProvenanceValuesTest {

    @Test
    void plainValuesGiveTheTreesOfTheirJsonRoundTrip() {
        List<Object> values = new ArrayList<>(List.of("", "text", "quote \" and \\ and \u00e9 \ud83d\ude00", true, false,
                0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, (short) -7, (byte) 5,
                0L, 5L, (long) Integer.MAX_VALUE + 1, (long) Integer.MIN_VALUE - 1, Long.MIN_VALUE, Long.MAX_VALUE,
                0.0, -0.0, 0.1, 1.0, 1e300, -1e-300, Double.MIN_VALUE, Double.MAX_VALUE, 1e21, 123456789.125));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            values.add(random.nextLong());
            values.add(random.nextInt());
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(-20, 20)));
        }
        for (Object value : values) {
            if (value instanceof Double d && !Double.isFinite(d)) {
                continue;
            }
            JsonNode roundTrip = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(value));
            JsonNode direct = ResultJson.value(value);
            assertThat(direct).as("%s (%s)", value, value.getClass().getSimpleName()).isEqualTo(roundTrip);
            assertThat(direct.getClass()).as("node type of %s", value).isEqualTo(roundTrip.getClass());
        }
    }
}
