package io.crystallize.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A measured run that finished without failure: its condition, replicate, the metric values it
 * recorded (in the order it first recorded each metric) and the paths of the artifacts it wrote.
 * This is what a {@link DurableRuns} plugin keeps, and what it gives back for an execution it
 * resumes: a run given back is taken exactly as if it had run again.
 */
public final class FinishedRun {

    private final String condition;
    private final int replicate;
    private final Metrics metrics;
    private final List<Path> artifacts;

    FinishedRun(String condition, int replicate, Metrics metrics, List<Path> artifacts) {
        this.condition = condition;
        this.replicate = replicate;
        this.metrics = metrics;
        this.artifacts = artifacts;
    }

    /**
     * A run kept by a plugin: {@code values.get(i)} are the values of metric {@code metricNames.get(i)}.
     */
    public static FinishedRun of(String condition, int replicate, List<String> metricNames, List<double[]> values,
            List<Path> artifacts) {
        Objects.requireNonNull(condition, "condition");
        if (metricNames.size() != values.size()) {
            throw new IllegalArgumentException(metricNames.size() + " metric names but " + values.size()
                    + " value arrays for run " + condition + "/" + replicate);
        }
        Metrics metrics = new Metrics(replicate, condition);
        for (int i = 0; i < metricNames.size(); i++) {
            for (double value : values.get(i)) {
                metrics.record(metricNames.get(i), value);
            }
        }
        return new FinishedRun(condition, replicate, metrics, List.copyOf(artifacts));
    }

    public String condition() {
        return condition;
    }

    public int replicate() {
        return replicate;
    }

    /** How many metrics the run recorded. */
    public int metricCount() {
        return metrics.nameCount();
    }

    /** The name of the {@code i}-th metric the run recorded. */
    public String metricName(int i) {
        Objects.checkIndex(i, metrics.nameCount());
        return metrics.name(i);
    }

    /** The values of the {@code i}-th metric, copied. */
    public double[] values(int i) {
        Objects.checkIndex(i, metrics.nameCount());
        int[] length = new int[1];
        double[] values = metrics.valuesOf(i, length);
        return java.util.Arrays.copyOf(values, length[0]);
    }

    /** How many values the {@code i}-th metric has. */
    public int valueCount(int i) {
        return metrics.sizeOf(Objects.checkIndex(i, metrics.nameCount()));
    }

    /** The {@code j}-th value of the {@code i}-th metric. */
    public double value(int i, int j) {
        return metrics.valueOf(Objects.checkIndex(i, metrics.nameCount()), Objects.checkIndex(j, metrics.sizeOf(i)));
    }

    /** The artifacts the run wrote, where the store put them. */
    public List<Path> artifacts() {
        return artifacts;
    }

    Metrics metrics() {
        return metrics;
    }
}
