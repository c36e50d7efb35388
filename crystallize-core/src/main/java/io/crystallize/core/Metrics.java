package io.crystallize.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics one run records: append-only {@code name -> values}, stored as primitives, each
 * value belonging to this run's replicate and condition. Safe to record from several threads.
 */
public final class Metrics {

    private final int replicate;
    private final String condition;
    private final Map<String, Series> series = new LinkedHashMap<>(4);

    /** Metrics of a run outside any experiment (replicate 0 of the baseline). */
    public Metrics() {
        this(0, Names.BASELINE);
    }

    Metrics(int replicate, String condition) {
        this.replicate = replicate;
        this.condition = condition;
    }

    public int replicate() {
        return replicate;
    }

    public String condition() {
        return condition;
    }

    /** Appends a value to metric {@code name}. */
    public void record(String name, double value) {
        record(name, value, Map.of());
    }

    /** Appends a value with tags (e.g. {@code epoch=3}) to metric {@code name}. */
    public void record(String name, double value, Map<String, ?> tags) {
        Series target;
        synchronized (this) {
            target = series.get(name);
            if (target == null) {
                target = new Series(Names.require("metric", name));
                series.put(name, target);
            }
            target.add(value, tags == null || tags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags)));
        }
    }

    /** Names recorded so far, in first-recorded order. */
    public synchronized Set<String> names() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(series.keySet()));
    }

    /** A copy of the values of {@code name} in recording order; empty when never recorded. */
    public synchronized double[] values(String name) {
        Series s = series.get(name);
        return s == null ? new double[0] : Arrays.copyOf(s.values, s.size);
    }

    /** The tags of each value of {@code name}, parallel to {@link #values(String)}; untagged values have empty maps. */
    public synchronized List<Map<String, Object>> tags(String name) {
        Series s = series.get(name);
        if (s == null) {
            return List.of();
        }
        List<Map<String, Object>> tags = new ArrayList<>(s.size);
        for (int i = 0; i < s.size; i++) {
            tags.add(s.tags == null || s.tags.get(i) == null ? Map.of() : s.tags.get(i));
        }
        return Collections.unmodifiableList(tags);
    }

    /** Number of values of {@code name} recorded so far. */
    public synchronized int count(String name) {
        Series s = series.get(name);
        return s == null ? 0 : s.size;
    }

    synchronized Map<String, double[]> snapshot() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        series.forEach((name, s) -> copy.put(name, Arrays.copyOf(s.values, s.size)));
        return copy;
    }

    /** Counts per metric, for provenance: which metrics a step recorded. */
    synchronized int[] counts(List<String> names) {
        int[] counts = new int[names.size()];
        for (int i = 0; i < counts.length; i++) {
            Series s = series.get(names.get(i));
            counts[i] = s == null ? 0 : s.size;
        }
        return counts;
    }

    private static final class Series {
        final String name;
        double[] values = new double[1];
        List<Map<String, Object>> tags; // null until a tagged value arrives
        int size;

        Series(String name) {
            this.name = name;
        }

        void add(double value, Map<String, Object> tag) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            if (!tag.isEmpty() && tags == null) {
                tags = new ArrayList<>(Collections.nCopies(size, null));
            }
            if (tags != null) {
                tags.add(tag);
            }
            values[size++] = value;
        }
    }

    @Override
    public synchronized String toString() {
        StringBuilder text = new StringBuilder("Metrics[").append(condition).append(" rep ").append(replicate);
        series.forEach((name, s) -> text.append(", ").append(name).append('=')
                .append(Arrays.toString(Arrays.copyOf(s.values, s.size))));
        return text.append(']').toString();
    }
}
