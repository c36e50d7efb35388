package io.crystallize.report;

import io.crystallize.internal.json.JsonIn;
import io.crystallize.internal.json.JsonOut;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
            Map<String, Object> d = JsonIn.readObject(Files.readAllBytes(file));
            if (d.get("format") instanceof Integer format && format == FORMAT
                    && d.get("experiments") instanceof Map<?, ?> experiments) {
                Map<String, Map<String, Entry>> copy = new LinkedHashMap<>();
                experiments.forEach((name, versions) -> {
                    Map<String, Entry> entries = new LinkedHashMap<>();
                    ((Map<?, ?>) versions).forEach((version, entry) -> entries.put((String) version, entry((Map<?, ?>) entry)));
                    copy.put((String) name, entries);
                });
                return new HistoryCache(copy);
            }
        } catch (NoSuchFileException e) {
            return none();
        } catch (IOException | RuntimeException e) {
            // a damaged cache: every version is read again, and the cache rewritten
        }
        return none();
    }

    /** An entry as the cache file holds it; a value of the wrong shape fails (the cache is then ignored). */
    private static Entry entry(Map<?, ?> entry) {
        Map<String, Map<String, double[]>> moments = null;
        if (entry.get("moments") instanceof Map<?, ?> byCondition) {
            moments = new LinkedHashMap<>();
            for (Map.Entry<?, ?> condition : byCondition.entrySet()) {
                Map<String, double[]> byMetric = new LinkedHashMap<>();
                ((Map<?, ?>) condition.getValue()).forEach((metric, values) -> {
                    List<?> list = (List<?>) values;
                    double[] v = new double[list.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = ((Number) list.get(i)).doubleValue();
                    }
                    byMetric.put((String) metric, v);
                });
                moments.put((String) condition.getKey(), byMetric);
            }
        }
        return new Entry((String) entry.get("stamp"), (String) entry.get("started"), moments);
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
            Map<String, Object> versionsByExperiment = new LinkedHashMap<>();
            experiments.forEach((name, versions) -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                versions.forEach((version, e) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("stamp", e.stamp());
                    entry.put("started", e.started());
                    entry.put("moments", e.moments());
                    entries.put(version, entry);
                });
                versionsByExperiment.put(name, entries);
            });
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("format", FORMAT);
            document.put("experiments", versionsByExperiment);
            Report.writeFile(file, JsonOut.text(document));
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
