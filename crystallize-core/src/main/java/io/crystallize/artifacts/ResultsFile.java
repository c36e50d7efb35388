package io.crystallize.artifacts;

import io.crystallize.base.MetricSeries;
import io.crystallize.internal.json.JsonIn;
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

    private ResultsFile() {
    }

    /** The metric series of {@code file}, which must lie inside {@code versionDir}. */
    static Map<String, MetricSeries> read(Path versionDir, Path file) throws IOException {
        byte[] bytes = Confined.read(versionDir, file, Confined.JSON_LIMIT);
        Map<String, double[]> metrics;
        Map<String, int[]> replicates;
        try {
            Map<String, Object> document = JsonIn.readObject(bytes);
            metrics = document.get("metrics") == null ? null : numbers((Map<?, ?>) document.get("metrics"), false);
            replicates = document.get("replicates") == null ? null
                    : numbers((Map<?, ?>) document.get("replicates"), true);
        } catch (RuntimeException e) {
            throw VersionReader.damaged(file, versionDir, e);
        }
        if (metrics == null) {
            throw new IOException(file + " has no \"metrics\" object (every results.json this library writes has "
                    + "one, empty when no run recorded a metric): the file is damaged or was edited; delete "
                    + versionDir + " or rerun the experiment");
        }
        Map<String, MetricSeries> series = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> metric : metrics.entrySet()) {
            String name = metric.getKey();
            double[] values = metric.getValue();
            if (values == null) {
                throw new IOException(file + ": metric '" + name + "' has no values (null): the file is damaged or "
                        + "was edited; delete " + versionDir + " or rerun the experiment");
            }
            int[] indices = replicates == null ? null : replicates.get(name);
            if (indices == null) {
                indices = new int[values.length];
                java.util.Arrays.setAll(indices, i -> i);
            }
            try {
                series.put(name, new MetricSeries(values, indices));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": metric '" + name + "' is inconsistent (" + e.getMessage() + "): the "
                        + "file is damaged or was edited; delete " + versionDir + " or rerun the experiment", e);
            }
        }
        return series;
    }

    /**
     * name → array of numbers (int[] when {@code whole}, else double[]); an entry that is null
     * stays null. Anything else fails, as a file that is not of this layout.
     */
    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> numbers(Map<?, ?> byName, boolean whole) {
        Map<String, Object> out = new LinkedHashMap<>();
        byName.forEach((name, value) -> {
            if (value == null) {
                out.put((String) name, null);
                return;
            }
            List<?> list = (List<?>) value;
            if (whole) {
                int[] v = new int[list.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.toIntExact(((Number) list.get(i)).longValue());
                }
                out.put((String) name, v);
            } else {
                double[] v = new double[list.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = ((Number) list.get(i)).doubleValue();
                }
                out.put((String) name, v);
            }
        });
        return (Map<String, T>) out;
    }
}
