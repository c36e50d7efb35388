package io.crystallize.core;

import io.crystallize.base.MetricSeries;
import io.crystallize.base.RunFailure;
import io.crystallize.hypothesis.HypothesisResult;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one execution produced: metrics per condition with replicate indices, verdicts per
 * hypothesis, failures keyed {@code <condition>_rep_<r>}, replicate seeds, provenance per run
 * and step, artifact paths. Serialises to JSON and reads back into an equal result.
 */
public final class Result {

    /** Version of the JSON layout of results, metadata and manifests. */
    public static final int FORMAT_VERSION = 1;

    private final String experiment;
    private final Instant started;
    private final Instant finished;
    private final long masterSeed;
    private final int replicates;
    private final List<String> conditions;
    private final Map<String, Map<String, MetricSeries>> metrics;
    private final long[] seeds;
    private final Map<String, RunFailure> errors;
    private final Map<String, Provenance> provenance;
    private volatile Map<String, List<StepProvenance>> renderedProvenance;
    private final Map<String, List<String>> artifacts;
    private final List<HypothesisResult> hypotheses;
    private Map<String, String> reused = Map.of();

    Result(String experiment, Instant started, Instant finished, long masterSeed, int replicates,
            List<String> conditions, Map<String, Map<String, MetricSeries>> metrics, long[] seeds,
            Map<String, RunFailure> errors, Map<String, Provenance> provenance,
            Map<String, List<String>> artifacts, List<HypothesisResult> hypotheses) {
        this.experiment = experiment;
        this.started = started;
        this.finished = finished;
        this.masterSeed = masterSeed;
        this.replicates = replicates;
        this.conditions = List.copyOf(conditions);
        Map<String, Map<String, MetricSeries>> m = new LinkedHashMap<>();
        metrics.forEach((c, series) -> m.put(c, Collections.unmodifiableMap(new LinkedHashMap<>(series))));
        this.metrics = Collections.unmodifiableMap(m);
        this.seeds = seeds;
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        Map<String, List<String>> a = new LinkedHashMap<>();
        artifacts.forEach((condition, paths) -> a.put(condition, List.copyOf(paths)));
        this.artifacts = Collections.unmodifiableMap(a);
        this.hypotheses = List.copyOf(hypotheses);
    }

    public String experiment() {
        return experiment;
    }

    public Instant started() {
        return started;
    }

    public Instant finished() {
        return finished;
    }

    public long masterSeed() {
        return masterSeed;
    }

    public int replicates() {
        return replicates;
    }

    /** {@code baseline} first (when it ran), then treatments in order. */
    public List<String> conditions() {
        return conditions;
    }

    /** condition → metric → values with replicate indices. */
    public Map<String, Map<String, MetricSeries>> metrics() {
        return metrics;
    }

    /** The values of one metric in one condition; empty when absent. */
    public MetricSeries metric(String condition, String metric) {
        return metrics.getOrDefault(condition, Map.of()).getOrDefault(metric, MetricSeries.empty());
    }

    /** Replicate seeds, index = replicate. */
    public List<Long> seeds() {
        return new java.util.AbstractList<>() {
            @Override
            public Long get(int index) {
                return seeds[index];
            }

            @Override
            public int size() {
                return seeds.length;
            }
        };
    }

    long[] rawSeeds() {
        return seeds;
    }

    /** Failed runs keyed {@code <condition>_rep_<r>}. */
    public Map<String, RunFailure> errors() {
        return errors;
    }

    /** Provenance per run ({@code <condition>_rep_<r>}): one record per step that ran. */
    public Map<String, List<StepProvenance>> provenance() {
        Map<String, List<StepProvenance>> rendered = renderedProvenance;
        if (rendered == null) {
            rendered = new LinkedHashMap<>();
            for (Map.Entry<String, Provenance> e : provenance.entrySet()) {
                String condition = e.getKey();
                Map<String, MetricSeries> series = metrics.getOrDefault(condition, Map.of());
                for (int r = 0; r < replicates; r++) {
                    RunTrace trace = e.getValue().at(r);
                    if (trace == null) {
                        continue;
                    }
                    Map<String, double[]> values = trace.partialValues;
                    if (values == null) {
                        values = new LinkedHashMap<>();
                        for (StepRecord step : trace.steps) {
                            for (String metric : step.metrics) {
                                MetricSeries s = series.get(metric);
                                values.putIfAbsent(metric, s == null ? new double[0] : s.valuesOf(r));
                            }
                        }
                    }
                    rendered.put(RunFailure.key(condition, r), Provenance.render(trace, values));
                }
            }
            rendered = Collections.unmodifiableMap(rendered);
            renderedProvenance = rendered;
        }
        return rendered;
    }

    Map<String, Provenance> compactProvenance() {
        return provenance;
    }

    /** Artifact file paths per condition. */
    public Map<String, List<String>> artifacts() {
        return artifacts;
    }

    /**
     * The conditions whose runs were not run in this execution but taken from an earlier one whose
     * fingerprint was equal, each with the earlier execution it came from (e.g. its version
     * directory's name); empty when every run was run.
     */
    public Map<String, String> reused() {
        return reused;
    }

    /** Sets what {@link #reused()} says; only while the result is being built or read. */
    Result withReused(Map<String, String> sources) {
        this.reused = sources == null || sources.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        return this;
    }

    public List<HypothesisResult> hypotheses() {
        return hypotheses;
    }

    public Optional<HypothesisResult> getHypothesis(String name) {
        return hypotheses.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** This result as JSON (non-finite numbers as bare {@code NaN}/{@code Infinity} tokens). */
    public String toJson() {
        return ResultJson.write(this, true);
    }

    /** This result as JSON without the metric values (they are stored per condition elsewhere). */
    public String toJsonWithoutMetrics() {
        return ResultJson.write(this, false);
    }

    public static Result fromJson(String json) {
        return ResultJson.read(json, null);
    }

    /** A result from JSON written by {@link #toJsonWithoutMetrics()} and the metrics stored apart from it. */
    public static Result fromJson(String json, Map<String, Map<String, MetricSeries>> metrics) {
        return ResultJson.read(json, metrics);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Result r)) {
            return false;
        }
        return experiment.equals(r.experiment) && Objects.equals(started, r.started)
                && Objects.equals(finished, r.finished) && masterSeed == r.masterSeed && replicates == r.replicates
                && conditions.equals(r.conditions) && metrics.equals(r.metrics) && java.util.Arrays.equals(seeds, r.seeds)
                && errors.equals(r.errors) && artifacts.equals(r.artifacts) && hypotheses.equals(r.hypotheses)
                // provenance holds user values of any type: equal when they serialise alike
                && ResultJson.provenanceTree(this).equals(ResultJson.provenanceTree(r));
    }

    @Override
    public int hashCode() {
        return Objects.hash(experiment, masterSeed, replicates, conditions, metrics, errors.keySet());
    }

    @Override
    public String toString() {
        return "Result[" + experiment + ", " + replicates + " replicates, conditions " + conditions + ", "
                + errors.size() + " failed runs, " + hypotheses.size() + " hypotheses"
                + (reused.isEmpty() ? "" : ", reused " + reused) + "]";
    }
}
