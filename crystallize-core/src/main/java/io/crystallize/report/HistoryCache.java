package io.crystallize.report;

import io.crystallize.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The means and CIs of stored versions already read, in one JSON file of the report: experiment
 * → version → {stamp, started, condition → metric → [n, mean, CI low, CI high]}. An entry counts
 * only while the version's metadata file has the modification time it had when the entry was
 * made (a results directory deleted and filled again reuses version numbers), so checking an
 * earlier version costs one file status instead of parsing its values. A cache that cannot be
 * read is ignored, and one that cannot be written is skipped: it only saves time.
 */
final class HistoryCache {

    static final int FORMAT = 1;

    record Entry(String stamp, String started, Map<String, Map<String, double[]>> moments) {
    }

    record Document(int format, Map<String, Map<String, Entry>> experiments) {
    }

    private final Map<String, Map<String, Entry>> experiments;

    private HistoryCache(Map<String, Map<String, Entry>> experiments) {
        this.experiments = experiments;
    }

    /** An empty cache that is never written: for reports without a folder of their own. */
    static HistoryCache none() {
        return new HistoryCache(new LinkedHashMap<>());
    }

    static HistoryCache read(Path file) {
        try {
            Document d = Json.MAPPER.readValue(Files.readString(file), Document.class);
            if (d.format() == FORMAT && d.experiments() != null) {
                Map<String, Map<String, Entry>> copy = new LinkedHashMap<>();
                d.experiments().forEach((name, versions) -> copy.put(name, new LinkedHashMap<>(versions)));
                return new HistoryCache(copy);
            }
        } catch (NoSuchFileException e) {
            return none();
        } catch (IOException | RuntimeException e) {
            // a damaged cache: every version is read again, and the cache rewritten
        }
        return none();
    }

    /** The cached point of a version whose metadata carries {@code stamp}; else {@code null}. */
    History.Point get(String experiment, String version, String stamp) {
        Entry e = experiments.getOrDefault(experiment, Map.of()).get(version);
        if (e == null || !stamp.equals(e.stamp()) || e.moments() == null) {
            return null;
        }
        Map<String, Map<String, Moments>> moments = new LinkedHashMap<>();
        e.moments().forEach((condition, byMetric) -> {
            Map<String, Moments> m = new LinkedHashMap<>();
            byMetric.forEach((metric, v) -> m.put(metric, new Moments((int) v[0], v[1], v[2], v[3])));
            moments.put(condition, m);
        });
        return new History.Point(version, e.started(), moments);
    }

    void put(String experiment, History.Point point, String stamp) {
        Map<String, Map<String, double[]>> moments = new LinkedHashMap<>();
        point.moments().forEach((condition, byMetric) -> {
            Map<String, double[]> m = new LinkedHashMap<>();
            byMetric.forEach((metric, v) -> m.put(metric, new double[] {v.n(), v.mean(), v.ciLow(), v.ciHigh()}));
            moments.put(condition, m);
        });
        experiments.computeIfAbsent(experiment, k -> new LinkedHashMap<>())
                .put(point.version(), new Entry(stamp, point.started(), moments));
    }

    /** Forgets the versions of an experiment other than these (those no history shows any more). */
    void retain(String experiment, Collection<String> versions) {
        Map<String, Entry> known = experiments.get(experiment);
        if (known != null) {
            known.keySet().retainAll(versions);
        }
    }

    void write(Path file) {
        try {
            Report.writeFile(file, Json.MAPPER.writeValueAsString(new Document(FORMAT, experiments)));
        } catch (IOException | RuntimeException e) {
            // only a cache: the next report reads the versions again
        }
    }

    /** The stamp of a stored version: its metadata file's modification time. */
    static String stamp(Path versionDirectory) throws IOException {
        // a number: FileTime.toString formats a date, which costs more than the file status
        return Long.toString(Files.getLastModifiedTime(versionDirectory.resolve("metadata.json"))
                .to(java.util.concurrent.TimeUnit.NANOSECONDS));
    }
}
