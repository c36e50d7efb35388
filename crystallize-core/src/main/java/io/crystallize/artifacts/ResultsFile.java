package io.crystallize.artifacts;

import io.crystallize.base.MetricSeries;
import io.crystallize.internal.json.Json;
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

    /** The metric series of {@code file}, which must lie inside {@code versionDir}. */
    static Map<String, MetricSeries> read(Path versionDir, Path file) throws IOException {
        byte[] bytes = Confined.read(versionDir, file, Confined.JSON_LIMIT);
        Document document;
        try {
            document = Json.MAPPER.readValue(bytes, Document.class);
        } catch (RuntimeException e) {
            throw VersionReader.damaged(file, versionDir, e);
        }
        if (document == null || document.metrics() == null) {
            throw new IOException(file + " has no \"metrics\" object (every results.json this library writes has "
                    + "one, empty when no run recorded a metric): the file is damaged or was edited; delete "
                    + versionDir + " or rerun the experiment");
        }
        Map<String, MetricSeries> series = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> metric : document.metrics().entrySet()) {
            String name = metric.getKey();
            double[] values = metric.getValue();
            if (values == null) {
                throw new IOException(file + ": metric '" + name + "' has no values (null): the file is damaged or "
                        + "was edited; delete " + versionDir + " or rerun the experiment");
            }
            int[] replicates = document.replicates() == null ? null : document.replicates().get(name);
            if (replicates == null) {
                replicates = new int[values.length];
                java.util.Arrays.setAll(replicates, i -> i);
            }
            try {
                series.put(name, new MetricSeries(values, replicates));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": metric '" + name + "' is inconsistent (" + e.getMessage() + "): the "
                        + "file is damaged or was edited; delete " + versionDir + " or rerun the experiment", e);
            }
        }
        return series;
    }
}
