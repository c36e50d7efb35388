package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import io.crystallize.base.Seeds;
import io.crystallize.hypothesis.Hypothesis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An experiment: a data source, a pipeline, a baseline (the declared parameters' defaults) and
 * treatments, run for N replicates each, with hypotheses verified on the recorded metrics. An
 * experiment may be run any number of times, one execution at a time; each execution is
 * independent.
 *
 * <p>Every execution follows the same lifecycle: {@code init} on every plugin once, when the
 * experiment is built; then per execution: validation (resolving treatments, hypotheses and
 * replicates: call argument, then the data source's declared count, then the builder's);
 * {@code beforeRun} on every plugin in list order; each step's {@code setup} once; every run —
 * for each replicate, the baseline then each treatment (unless interleaved), each with a fresh
 * context, {@code beforeReplicate} (seeding), the data source, then per step {@code beforeStep},
 * the step, {@code afterStep}; a failed run is recorded and the others go on, nothing is skipped
 * silently; then metrics are aggregated, hypotheses verified and the {@link Result} built;
 * {@code afterRun} on every plugin (results are written here); finally each step's
 * {@code teardown}, always, also after failures.
 */
public final class Experiment {

    /** Replicates when neither the call, the data source nor the builder says. */
    public static final int DEFAULT_REPLICATES = 1;

    private final String name;
    private final String id;
    private final DataSource<?> dataSource;
    private final Pipeline pipeline;
    private final List<Plugin> plugins;
    private final Parameters parameters;
    private final List<Treatment> treatments;
    private final List<Hypothesis> hypotheses;
    private final int replicates;
    private final ExecutionOptions options;
    private final ExclusiveUse exclusive = new ExclusiveUse();

    /** An experiment named "experiment" whose parameters are those the source and steps declare. */
    public Experiment(DataSource<?> dataSource, Pipeline pipeline, List<Plugin> plugins) {
        this(builder("experiment").dataSource(dataSource).pipeline(pipeline).plugins(plugins == null ? List.of() : plugins));
    }

    private Experiment(Builder b) {
        this.name = Names.require("experiment", b.name);
        this.id = b.id != null ? b.id : b.name;
        if (b.dataSource == null) {
            throw new ConfigurationException("experiment '" + name + "' has no data source: set one with dataSource(...)");
        }
        if (b.pipeline == null) {
            throw new ConfigurationException("experiment '" + name + "' has no pipeline: add at least one step");
        }
        this.dataSource = b.dataSource;
        this.pipeline = b.pipeline;
        this.parameters = b.dataSource.parameters().plus(b.pipeline.parameters()).plus(Parameters.of(b.parameters));
        this.treatments = List.copyOf(b.treatments);
        this.hypotheses = List.copyOf(b.hypotheses);
        this.replicates = b.replicates;
        this.options = b.options;
        List<Plugin> all = new ArrayList<>(b.plugins);
        if (all.stream().noneMatch(SeedPlugin.class::isInstance)) {
            all.add(0, b.seed == null ? new SeedPlugin() : new SeedPlugin(b.seed));
        } else if (b.seed != null) {
            throw new ConfigurationException("experiment '" + name + "' has both seed(" + b.seed
                    + ") and a SeedPlugin: set the seed on one of them");
        }
        this.plugins = List.copyOf(all);
        for (Plugin plugin : plugins) {
            plugin.init(this);
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** Identifies the experiment across runs (e.g. its class name); defaults to its name. */
    public String id() {
        return id;
    }

    public DataSource<?> dataSource() {
        return dataSource;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public List<Plugin> plugins() {
        return plugins;
    }

    public Parameters parameters() {
        return parameters;
    }

    public List<Treatment> treatments() {
        return treatments;
    }

    public List<Hypothesis> hypotheses() {
        return hypotheses;
    }

    public int replicates() {
        return replicates;
    }

    public ExecutionOptions options() {
        return options;
    }

    /** The first plugin of this class, if any. */
    public <P> Optional<P> getPlugin(Class<P> type) {
        return plugins.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * Checks the configuration: names, parameters overridden by literal treatments (with a
     * "did you mean"), hypotheses, replicates and whether their runs fit this JVM.
     *
     * @throws ConfigurationException listing every problem found
     */
    public void validate() {
        ConfigurationCheck.require(ConfigurationCheck.problems(this, treatments, hypotheses, replicates, true));
    }

    /** Runs the configured treatments and hypotheses. */
    public Result run() {
        return run(RunRequest.defaults());
    }

    /** Runs with this many replicates (the configured count is left unchanged). */
    public Result run(int replicateCount) {
        return run(RunRequest.defaults().withReplicates(replicateCount));
    }

    /** Runs these treatments and hypotheses for this many replicates; each {@code null} means "as configured". */
    public Result run(List<Treatment> runTreatments, List<Hypothesis> runHypotheses, Integer replicateCount) {
        return run(RunRequest.defaults().withTreatments(runTreatments).withHypotheses(runHypotheses)
                .withReplicates(replicateCount));
    }

    /**
     * Runs with the request's overrides, time limit and cancellation.
     *
     * <p>Every run is attempted: whatever a run throws (any {@link Throwable}, errors included) is
     * recorded as its failure and the other runs go on. The execution stops early only when the
     * request's cancellation turns true or its time limit passes, when a thread running it is
     * interrupted (an interrupt is a request to stop; the interrupted run is recorded as failed
     * and its thread's status cleared), or when runs run out of memory a second time. Then no
     * further run starts, what finished is kept and written by the plugins, and an
     * {@link ExecutionStoppedException} says why and which runs it did not wait for.
     *
     * <p>One execution at a time: calling {@code run}, {@code apply} or {@code optimize} while
     * another thread executes this experiment is an {@link IllegalStateException}.
     *
     * @throws io.crystallize.base.ConfigurationException before anything runs, naming every problem
     * @throws ExecutionStoppedException after the plugins had the partial result
     */
    public Result run(RunRequest request) {
        Objects.requireNonNull(request, "request");
        exclusive.enter(name, "run(...)");
        try {
            return new Runner(this).execute(request, true);
        } finally {
            exclusive.exit();
        }
    }

    /**
     * Runs the pipeline once (replicate 0) and returns the last step's output.
     *
     * @param treatment the treatment to apply, or {@code null} for the baseline
     * @param data      the input of the first step, or {@code null} to fetch it from the data source
     * @param seed      the replicate seed, or {@code null} for replicate 0's seed
     */
    public Object apply(Treatment treatment, Object data, Long seed) {
        exclusive.enter(name, "apply(...)");
        try {
            return new Runner(this).applyOnce(treatment, data, seed);
        } finally {
            exclusive.exit();
        }
    }

    public Object apply(Object data) {
        return apply(null, data, null);
    }

    /**
     * Tunes parameters: asks the optimizer for a treatment per trial, runs it for
     * {@code replicatesPerTrial} replicates (the baseline is not rerun), tells the optimizer the
     * objective, and returns its best treatment. A trial that records no objective value (its runs
     * failed) is told NaN and the search goes on; when every trial fails, the error lists them.
     * Trials x replicates per trial must not exceed 2<sup>31</sup> - 9 runs.
     */
    public Treatment optimize(Optimizer optimizer, int trials, int replicatesPerTrial) {
        exclusive.enter(name, "optimize(...)");
        try {
            return new Optimization(this).run(optimizer, trials, replicatesPerTrial);
        } finally {
            exclusive.exit();
        }
    }

    /**
     * A data source reading this experiment's artifacts from its latest complete version:
     * {@code <root>/<experiment>/v<n>/replicate_<r>/<condition>/<step>/<name>}, one path per
     * replicate; it declares the upstream replicate count from {@code metadata.json}.
     */
    public DataSource<java.nio.file.Path> artifactDataSource(String step, String artifact, String condition,
            boolean requireMetadata) {
        ArtifactStore store = getPlugin(ArtifactStore.class).orElseThrow(() -> new ConfigurationException(
                "experiment '" + name + "' has no ArtifactPlugin, so it stores no artifacts to read"));
        return store.dataSource(name, step, artifact, condition, requireMetadata);
    }

    public DataSource<java.nio.file.Path> artifactDataSource(String step, String artifact) {
        return artifactDataSource(step, artifact, Names.BASELINE, false);
    }

    /** Parameter values of a literal treatment (baseline defaults with its overrides), checked. */
    Map<String, Object> parametersOf(Treatment treatment) {
        Map<String, Object> values = new LinkedHashMap<>(parameters.defaults());
        if (treatment != null) {
            treatment.overrides().forEach((k, v) -> values.put(k, parameters.coerce(treatment.name(), k, v)));
        }
        return values;
    }

    @Override
    public String toString() {
        return "Experiment[" + name + ", " + pipeline.steps().size() + " steps, " + treatments.size() + " treatments]";
    }

    /** Builds experiments. */
    public static final class Builder {
        private final String name;
        private String id;
        private DataSource<?> dataSource;
        private Pipeline pipeline;
        private final List<Step<?, ?>> steps = new ArrayList<>();
        private final List<Plugin> plugins = new ArrayList<>();
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final List<Treatment> treatments = new ArrayList<>();
        private final List<Hypothesis> hypotheses = new ArrayList<>();
        private int replicates = DEFAULT_REPLICATES;
        private Long seed;
        private ExecutionOptions options = ExecutionOptions.defaults();

        private Builder(String name) {
            this.name = name;
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder dataSource(DataSource<?> value) {
            this.dataSource = value;
            return this;
        }

        /** Sets the pipeline; steps added later with {@link #step(Step)} are appended to it. */
        public Builder pipeline(Pipeline value) {
            this.pipeline = value;
            steps.clear();
            if (value != null) {
                steps.addAll(value.steps());
            }
            return this;
        }

        /** Appends a step to the pipeline. */
        public Builder step(Step<?, ?> step) {
            steps.add(step);
            this.pipeline = Pipeline.of(steps);
            return this;
        }

        /** Declares a parameter with its baseline default. */
        public Builder parameter(String parameter, Object baselineDefault) {
            parameters.put(parameter, baselineDefault);
            return this;
        }

        public Builder treatment(Treatment treatment) {
            treatments.add(treatment);
            return this;
        }

        public Builder treatment(String treatmentName, Map<String, ?> overrides) {
            return treatment(Treatment.of(treatmentName, overrides));
        }

        public Builder hypothesis(Hypothesis hypothesis) {
            hypotheses.add(hypothesis);
            return this;
        }

        public Builder replicates(int value) {
            if (value < 1) {
                throw new ConfigurationException("replicates must be at least 1, got " + value);
            }
            this.replicates = value;
            return this;
        }

        /** The master seed (default {@link Seeds#DEFAULT_MASTER_SEED}). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder plugin(Plugin plugin) {
            plugins.add(Objects.requireNonNull(plugin, "plugin"));
            return this;
        }

        public Builder plugins(List<? extends Plugin> values) {
            values.forEach(this::plugin);
            return this;
        }

        public Builder options(ExecutionOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /** Builds the experiment and checks it ({@link Experiment#validate()}). */
        public Experiment build() {
            Experiment experiment = new Experiment(this);
            experiment.validate();
            return experiment;
        }
    }
}
