package io.crystallize.report;

import io.crystallize.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The means and CIs of versions already read, in a JSON file beside the report: version →
 * {started, condition → metric → [n, mean, CI low, CI high]}. An entry counts only for a version
 * that started at the same instant (a results root deleted and filled again reuses version
 * numbers). A cache that cannot be read is ignored, and one that cannot be written is skipped:
 * it only saves time.
 */
final class HistoryCache {

    static final int FORMAT = 1;

    record Entry(String started, Map<String, Map<String, double[]>> moments) {
    }

    record Document(int format, Map<String, Entry> versions) {
    }

    private static final HistoryCache EMPTY = new HistoryCache(Map.of());

    private final Map<String, Entry> versions;

    private HistoryCache(Map<String, Entry> versions) {
        this.versions = versions;
    }

    static HistoryCache read(Path file) {
        if (file == null) {
            return EMPTY;
        }
        try {
            Document d = Json.MAPPER.readValue(Files.readString(file), Document.class);
            return d.format() == FORMAT && d.versions() != null ? new HistoryCache(d.versions()) : EMPTY;
        } catch (NoSuchFileException e) {
            return EMPTY;
        } catch (IOException | RuntimeException e) {
            return EMPTY; // a damaged cache: every version is read again, and the cache rewritten
        }
    }

    /** The cached point of a version, when it started at {@code started}; else {@code null}. */
    History.Point get(String version, String started) {
        Entry e = versions.get(version);
        if (e == null || !started.equals(e.started()) || e.moments() == null) {
            return null;
        }
        Map<String, Map<String, Moments>> moments = new LinkedHashMap<>();
        e.moments().forEach((condition, byMetric) -> {
            Map<String, Moments> m = new LinkedHashMap<>();
            byMetric.forEach((metric, v) -> m.put(metric, new Moments((int) v[0], v[1], v[2], v[3])));
            moments.put(condition, m);
        });
        return new History.Point(version, started, moments);
    }

    static void write(Path file, List<History.Point> points) {
        Map<String, Entry> versions = new LinkedHashMap<>();
        for (History.Point p : points) {
            Map<String, Map<String, double[]>> moments = new LinkedHashMap<>();
            p.moments().forEach((condition, byMetric) -> {
                Map<String, double[]> m = new LinkedHashMap<>();
                byMetric.forEach((metric, v) -> m.put(metric, new double[] {v.n(), v.mean(), v.ciLow(), v.ciHigh()}));
                moments.put(condition, m);
            });
            versions.put(p.version(), new Entry(p.started(), moments));
        }
        try {
            Report.writeAtomically(file, Json.MAPPER.writeValueAsString(new Document(FORMAT, versions)));
        } catch (IOException | RuntimeException e) {
            // only a cache: the next report reads the versions again
        }
    }
}
