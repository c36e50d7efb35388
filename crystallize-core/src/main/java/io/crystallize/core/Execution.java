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

    void resumable(RunIdentity value, boolean requested) {
        this.identity = value;
        this.resume = requested;
    }

    public Instant started() {
        return started;
    }
}
