package io.crystallize.core;

import io.crystallize.hypothesis.Hypothesis;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One {@code run(...)} or {@code apply(...)} call of an experiment, as plugins see it. */
public final class Execution {

    private final Experiment experiment;
    private final int replicates;
    private final List<Treatment> treatments;
    private final List<Hypothesis> hypotheses;
    private final Map<String, Map<String, Object>> conditionParameters;
    private final boolean single;
    private final ExecutionStop stop;
    private final Instant started = Instant.now();
    private RunIdentity identity;
    private boolean resume;
    private final Map<String, Reuse> reused = new java.util.LinkedHashMap<>();
    private volatile Map<String, Object> fingerprints = Map.of();
    private volatile boolean runsStarted;

    Execution(Experiment experiment, int replicates, List<Treatment> treatments, List<Hypothesis> hypotheses,
            Map<String, Map<String, Object>> conditionParameters, boolean single, ExecutionStop stop) {
        this.experiment = experiment;
        this.replicates = replicates;
        this.treatments = treatments;
        this.hypotheses = hypotheses;
        this.conditionParameters = conditionParameters;
        this.single = single;
        this.stop = stop;
    }

    public Experiment experiment() {
        return experiment;
    }

    public int replicates() {
        return replicates;
    }

    public List<Treatment> treatments() {
        return treatments;
    }

    public List<Hypothesis> hypotheses() {
        return hypotheses;
    }

    /** Condition names: {@code baseline} first, then treatments in order. */
    public List<String> conditions() {
        return List.copyOf(conditionParameters.keySet());
    }

    /** Parameter values per condition, for literal treatments (computed ones show their baseline values). */
    public Map<String, Map<String, Object>> conditionParameters() {
        return conditionParameters;
    }

    /** True for an {@code apply(...)} pass, whose results must not replace a real execution's. */
    public boolean isSinglePass() {
        return single;
    }

    /**
     * True once the execution stops before all its runs are done: it was cancelled, interrupted,
     * ran out of time or out of memory. No run starts after that; results written for such an
     * execution must not be taken for complete.
     */
    public boolean isCancelled() {
        return stop.isStopped();
    }

    /**
     * What must match for this execution's runs to stand for another's (seed, replicates,
     * conditions, parameters); {@code null} for an {@code apply(...)} pass.
     */
    public RunIdentity identity() {
        return identity;
    }

    /** True when the request asked to continue an interrupted execution with the same identity. */
    public boolean resumeRequested() {
        return resume;
    }

    /**
     * Adds {@code field} to this execution's {@link #identity() run identity}: a further input that
     * decides what its runs compute, such as a fingerprint of the code they execute. Only in a
     * plugin's {@code beforeRun}, before the runs are kept anywhere.
     *
     * @throws IllegalStateException once the runs started
     */
    public void identifyBy(String field, String value) {
        if (runsStarted) {
            throw new IllegalStateException("runs of '" + experiment.name() + "' already started: extend their identity"
                    + " in a plugin's beforeRun");
        }
        if (identity != null) {
            identity = identity.with(field, value);
        }
    }

    void resumable(RunIdentity value, boolean requested) {
        this.identity = value;
        this.resume = requested;
    }

    public Instant started() {
        return started;
    }

    /**
     * Takes condition {@code condition}'s runs from an earlier execution's result instead of running
     * them: its metric values, failures, provenance and artifact paths are {@code earlier}'s, and
     * {@link Result#reused()} names {@code source}. Only during a plugin's {@code beforeRun}; the
     * caller vouches that the earlier runs computed what these would (equal fingerprints, same
     * replicates and seeds).
     *
     * @throws IllegalArgumentException when the condition is not one of this execution's, or
     *                                  {@code earlier} lacks it or has other replicates
     * @throws IllegalStateException    once the runs started
     */
    public void reuse(String condition, Result earlier, String source) {
        reuse(condition, earlier, source, java.util.function.UnaryOperator.identity());
    }

    /**
     * Like {@link #reuse(String, Result, String)}, for runs whose artifact files were carried over:
     * the result lists each earlier artifact path as {@code artifactPath} maps it.
     */
    public void reuse(String condition, Result earlier, String source,
            java.util.function.UnaryOperator<String> artifactPath) {
        if (runsStarted) {
            throw new IllegalStateException("runs of '" + experiment.name() + "' already started: reuse earlier runs "
                    + "in a plugin's beforeRun");
        }
        if (!conditionParameters.containsKey(condition)) {
            throw new IllegalArgumentException("'" + condition + "' is not a condition of this execution of '"
                    + experiment.name() + "': its conditions are " + conditions());
        }
        if (!earlier.conditions().contains(condition) || earlier.replicates() != replicates) {
            throw new IllegalArgumentException("the earlier result " + source + " cannot stand for condition '"
                    + condition + "': it has conditions " + earlier.conditions() + " and " + earlier.replicates()
                    + " replicates, this execution " + replicates);
        }
        reused.put(condition, new Reuse(earlier, java.util.Objects.requireNonNull(source, "source"),
                java.util.Objects.requireNonNull(artifactPath, "artifactPath")));
    }

    /** The conditions whose runs are taken from an earlier execution, with where from. */
    public Map<String, String> reusedConditions() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        reused.forEach((condition, reuse) -> out.put(condition, reuse.source()));
        return out;
    }

    Map<String, Reuse> reuses() {
        runsStarted = true;
        return reused;
    }

    /**
     * Records fingerprints of what this execution runs (JSON values), for the plugins that store
     * its results; a plugin computing them sets them in {@code beforeRun}.
     */
    public void recordFingerprints(Map<String, Object> values) {
        this.fingerprints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** The fingerprints recorded for this execution; empty when none were. */
    public Map<String, Object> fingerprints() {
        return fingerprints;
    }

    /** An earlier result standing for a condition's runs. */
    record Reuse(Result earlier, String source, java.util.function.UnaryOperator<String> artifactPath) {
    }
}
