package io.crystallize.artifacts;

import io.crystallize.internal.json.Json;
import io.crystallize.base.MetricSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A condition's {@code results.json}: {@code {"metrics": {name: [values]}, "replicates": {name:
 * [indices]}, "errors": [run keys]}} — the reference library's layout plus replicate indices.
 */
final class ResultsFile {

    record Document(Map<String, double[]> metrics, Map<String, int[]> replicates, List<String> errors) {
    }

    private ResultsFile() {
    }

    static Map<String, MetricSeries> read(Path file) throws IOException {
        Document document = Json.MAPPER.readValue(file.toFile(), Document.class);
        Map<String, MetricSeries> series = new LinkedHashMap<>();
        document.metrics().forEach((name, values) -> {
            int[] replicates = document.replicates() == null ? null : document.replicates().get(name);
            if (replicates == null) {
                replicates = new int[values.length];
                java.util.Arrays.setAll(replicates, i -> i);
            }
            series.put(name, new MetricSeries(values, replicates));
        });
        return series;
    }
}
