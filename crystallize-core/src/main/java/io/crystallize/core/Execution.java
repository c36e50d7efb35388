package io.crystallize.core;

import io.crystallize.hypothesis.Hypothesis;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** One {@code run(...)} or {@code apply(...)} call of an experiment, as plugins see it. */
public final class Execution {

    private final Experiment experiment;
    private final int replicates;
    private final List<Treatment> treatments;
    private final List<Hypothesis> hypotheses;
    private final Map<String, Map<String, Object>> conditionParameters;
    private final boolean single;
    private final BooleanSupplier cancelled;
    private final Instant started = Instant.now();

    Execution(Experiment experiment, int replicates, List<Treatment> treatments, List<Hypothesis> hypotheses,
            Map<String, Map<String, Object>> conditionParameters, boolean single, BooleanSupplier cancelled) {
        this.experiment = experiment;
        this.replicates = replicates;
        this.treatments = treatments;
        this.hypotheses = hypotheses;
        this.conditionParameters = conditionParameters;
        this.single = single;
        this.cancelled = cancelled;
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

    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    public Instant started() {
        return started;
    }
}
