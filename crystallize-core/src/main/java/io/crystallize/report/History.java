package io.crystallize.report;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.base.MetricSeries;
import io.crystallize.core.Result;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every condition's metric means, with their 95% CIs, across the stored versions of one
 * experiment: the newest {@value #EARLIER_VERSIONS} versions before the reported one, read from
 * disk, then the reported one. Versions that cannot be read (still being written, left
 * incomplete by a crash, unreadable) are skipped with a note saying why.
 *
 * <p>A version's means never change once it is complete, so they are kept in the report's cache
 * ({@link HistoryCache}): each report parses only the versions it has not seen (reading 10^5
 * values of an earlier version cost more than the rest of a report).
 */
final class History {

    /** Earlier versions shown at most: a trend, without reading a long past on every report. */
    static final int EARLIER_VERSIONS = 20;

    /** One version: its label ("v3"), when it started, and condition → metric → moments. */
    record Point(String version, String started, Map<String, Map<String, Moments>> moments) {
    }

    private final List<Point> points;
    private final List<String> notes;

    private History(List<Point> points, List<String> notes) {
        this.points = List.copyOf(points);
        this.notes = List.copyOf(notes);
    }

    /** Versions oldest first; the reported one last. */
    List<Point> points() {
        return points;
    }

    /** Why versions are missing, or where history comes from; empty when nothing needs saying. */
    List<String> notes() {
        return notes;
    }

    /**
     * The history of {@code result}, stored in {@code versionDirectory} ({@code <root>/<experiment>/v<n>}),
     * or of the result alone when that is {@code null}; means of versions already read come from
     * {@code cache}, which learns the others.
     */
    static History of(Result result, Path versionDirectory, HistoryCache cache) {
        List<Point> points = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Point current;
        if (versionDirectory == null) {
            notes.add("This result was not read from a results root, so earlier versions are unknown.");
            current = new Point("this run", String.valueOf(result.started()), moments(result.metrics()));
        } else {
            current = new Point(versionDirectory.getFileName().toString(), String.valueOf(result.started()),
                    moments(result.metrics()));
            earlier(result.experiment(), versionDirectory, points, notes, cache);
            try {
                cache.put(result.experiment(), current, HistoryCache.stamp(versionDirectory));
            } catch (IOException e) {
                // its metadata is not written yet: the next report reads this version from disk
            }
        }
        points.add(current);
        return new History(points, notes);
    }

    /**
     * The versions numbered below the reported one, newest {@value #EARLIER_VERSIONS} at most,
     * looked up by number: a results root kept for months holds hundreds of versions, and
     * listing them all cost more than the rest of a page.
     */
    private static void earlier(String experiment, Path versionDirectory, List<Point> points, List<String> notes,
            HistoryCache cache) {
        int current = number(versionDirectory.getFileName().toString());
        Path experimentDir = versionDirectory.toAbsolutePath().getParent();
        List<String> shown = new ArrayList<>();
        shown.add(versionDirectory.getFileName().toString());
        int oldest = Math.max(0, current - EARLIER_VERSIONS);
        if (oldest > 0 && Files.isDirectory(experimentDir.resolve("v" + (oldest - 1)))) {
            notes.add("Showing the " + EARLIER_VERSIONS + " versions before this one; older ones are stored under "
                    + experimentDir + ".");
        }
        for (int number = oldest; number < current; number++) {
            String name = "v" + number;
            Path v = experimentDir.resolve(name);
            String stamp;
            try {
                stamp = HistoryCache.stamp(v);
            } catch (NoSuchFileException e) {
                if (Files.isDirectory(v)) {
                    notes.add(name + " is left out: its results are incomplete (it has no metadata.json).");
                }
                continue; // a version deleted, or never claimed: nothing to show
            } catch (IOException e) {
                notes.add(name + " is left out: its results could not be read (" + e + ").");
                continue;
            }
            try {
                Point point = cache.get(experiment, name, stamp);
                if (point == null) {
                    String started = String.valueOf(ArtifactPlugin.readMetadata(v).get("started"));
                    point = new Point(name, started, moments(ArtifactPlugin.readMetrics(v)));
                    cache.put(experiment, point, stamp);
                }
                points.add(point);
                shown.add(name);
            } catch (FileNotFoundException e) {
                notes.add(name + " is left out: its results are incomplete (" + e.getMessage() + ").");
            } catch (IOException | RuntimeException e) {
                notes.add(name + " is left out: its results could not be read (" + e + ").");
            }
        }
        cache.retain(experiment, shown);
    }

    private static Map<String, Map<String, Moments>> moments(Map<String, Map<String, MetricSeries>> metrics) {
        Map<String, Map<String, Moments>> out = new LinkedHashMap<>();
        metrics.forEach((condition, byMetric) -> {
            Map<String, Moments> m = new LinkedHashMap<>();
            byMetric.forEach((metric, series) -> m.put(metric, Moments.of(series)));
            out.put(condition, m);
        });
        return out;
    }

    /** The number of "v12"; −1 for anything else. */
    private static int number(String versionName) {
        try {
            return versionName.startsWith("v") ? Integer.parseInt(versionName.substring(1)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
