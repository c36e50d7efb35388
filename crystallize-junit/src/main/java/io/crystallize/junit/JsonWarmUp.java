package io.crystallize.junit;

import io.crystallize.internal.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds the JSON mapper on a background thread while discovery and the first experiment run:
 * constructing it and its first serializers (a few hundred classes) is the largest single cost of a
 * fresh JVM's first result, and nothing needs it before that result is written. Once per JVM; a
 * failure here is ignored (the writer meets it again, and reports it, on its own thread).
 */
final class JsonWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private JsonWarmUp() {
    }

    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(JsonWarmUp::warm, "crystallize-json-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warm() {
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(Map.of("values", List.of(1.5, Double.NaN), "name", "warm-up",
                    "replicates", 10L));
            Json.MAPPER.readTree(json);
        } catch (RuntimeException | LinkageError e) {
            // the results writer uses the same mapper and reports what goes wrong there
        }
    }
}
