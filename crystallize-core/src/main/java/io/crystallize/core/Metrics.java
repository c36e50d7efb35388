package io.crystallize.core;

import io.crystallize.base.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics one run records: append-only {@code name -> values}, stored as primitives, each
 * value belonging to this run's replicate and condition. Safe to record from several threads.
 */
public final class Metrics {

    private static final Series[] NO_SERIES = new Series[0];

    private final int replicate;
    private final String condition;
    // few metrics per run: arrays in first-recorded order beat a map here
    private Series[] series = NO_SERIES;
    private int count;
    // written under the lock; read without it by the run's own thread, which sees its own records
    // and those of threads it handed work to (their hand-off orders them before its reads)
    private long total;
    // provenance marks: a step start bumps the epoch; a series remembers its size when first
    // recorded in an epoch, so marking costs nothing for series a step does not touch
    private volatile int epoch;
    private long totalAtLastMark; // only the run's own thread marks

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
        Map<String, Object> frozenTags = tags == null || tags.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        synchronized (this) {
            Series target = find(name);
            if (target == null) {
                target = new Series(Names.require("metric", name));
                if (count == series.length) {
                    series = Arrays.copyOf(series, Math.max(1, count * 2));
                }
                series[count++] = target;
            }
            if (target.epoch != epoch) {
                target.epoch = epoch;
                target.marked = target.size;
            }
            target.add(value, frozenTags);
            total++;
        }
    }

    private Series find(String name) {
        for (int i = 0; i < count; i++) {
            Series s = series[i];
            if (s.name == name || s.name.equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** Names recorded so far, in first-recorded order. */
    public synchronized Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            names.add(series[i].name);
        }
        return Collections.unmodifiableSet(names);
    }

    /** A copy of the values of {@code name} in recording order; empty when never recorded. */
    public synchronized double[] values(String name) {
        Series s = find(name);
        return s == null ? new double[0] : Arrays.copyOf(s.values, s.size);
    }

    /** The tags of each value of {@code name}, parallel to {@link #values(String)}; untagged values have empty maps. */
    public synchronized List<Map<String, Object>> tags(String name) {
        Series s = find(name);
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
        Series s = find(name);
        return s == null ? 0 : s.size;
    }

    /** Number of values recorded so far, over all metrics. */
    synchronized long total() {
        return total;
    }

    /** Marks the current count of every metric, for {@link #changesSinceMark}; returns the total. */
    long mark() {
        long now = total;
        // with nothing recorded since the last mark no series is in the current epoch, so it can
        // go on: this saves the volatile write of every step that records nothing
        if (now != totalAtLastMark) {
            epoch++; // only the run's own thread marks: steps run one at a time
            totalAtLastMark = now;
        }
        return now;
    }

    /**
     * The metrics recorded since the last {@link #mark()}: names, counts at the mark and now, or
     * {@code null} when nothing was recorded since {@code totalAtMark}.
     */
    Object[] changesSinceMark(long totalAtMark) {
        if (total == totalAtMark) {
            return null;
        }
        return changes();
    }

    /**
     * Whether the metrics recorded since the last {@link #mark()} are exactly {@code names}, with
     * these counts at the mark and now (what {@link #changesSinceMark} would return), without
     * making arrays.
     */
    boolean changedSinceMark(long totalAtMark, String[] names, int[] before, int[] after) {
        if (total == totalAtMark) {
            return names.length == 0;
        }
        return names.length != 0 && changesAre(names, before, after);
    }

    private synchronized boolean changesAre(String[] names, int[] before, int[] after) {
        int k = 0;
        for (int i = 0; i < count; i++) {
            Series s = series[i];
            if (s.epoch == epoch && s.size != s.marked) {
                if (k == names.length || !s.name.equals(names[k]) || s.marked != before[k] || s.size != after[k]) {
                    return false;
                }
                k++;
            }
        }
        return k == names.length;
    }

    private synchronized Object[] changes() {
        int changed = 0;
        for (int i = 0; i < count; i++) {
            if (series[i].epoch == epoch && series[i].size != series[i].marked) {
                changed++;
            }
        }
        String[] names = new String[changed];
        int[] before = new int[changed];
        int[] after = new int[changed];
        int k = 0;
        for (int i = 0; i < count; i++) {
            Series s = series[i];
            if (s.epoch == epoch && s.size != s.marked) {
                names[k] = s.name;
                before[k] = s.marked;
                after[k++] = s.size;
            }
        }
        return new Object[] {names, before, after};
    }

    /** Number of distinct metric names recorded, not synchronized: only for a finished run. */
    int nameCount() {
        return count;
    }

    /** The i-th metric name in first-recorded order, not synchronized: only for a finished run. */
    String name(int i) {
        return series[i].name;
    }

    /** How many values the i-th metric has, not synchronized: only for a finished run. */
    int sizeOf(int i) {
        return series[i].size;
    }

    /** The j-th value of the i-th metric, not synchronized: only for a finished run. */
    double valueOf(int i, int j) {
        return series[i].values[j];
    }

    /** The i-th metric's values, not copied: only for a finished run. */
    double[] valuesOf(int i, int[] length) {
        length[0] = series[i].size;
        return series[i].values;
    }

    private static final class Series {
        final String name;
        int marked; // size when first recorded in the current epoch
        int epoch = -1;
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
        for (int i = 0; i < count; i++) {
            text.append(", ").append(series[i].name).append('=')
                    .append(Arrays.toString(Arrays.copyOf(series[i].values, series[i].size)));
        }
        return text.append(']').toString();
    }
}
