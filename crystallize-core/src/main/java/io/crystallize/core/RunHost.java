package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out the runs of one execution in a worker (a child JVM, a cluster member) for a
 * {@link TaskExecution} in the JVM that asked for them. The worker rebuilds the same experiment;
 * a host sets up its steps once, runs tasks one at a time exactly as the calling JVM would (same
 * seed, parameters, plugin hooks per run and step), and encodes each run's outcome for
 * {@link RunTasks#complete}. The plugins' {@code beforeRun} and {@code afterRun} are not called
 * here: the calling JVM alone writes results, and stores the artifacts the runs wrote.
 *
 * <p>Not thread-safe: one task at a time. {@link #close()} tears the steps down.
 */
public final class RunHost implements AutoCloseable {

    private final Experiment experiment;
    private final List<String> conditionNames;
    private final StepLifecycle lifecycle;
    private final RunSteps steps;
    private final List<RunOutcomes.Written> written = new ArrayList<>();

    /**
     * Opens a host for an execution over {@code conditions} ({@code baseline} and treatment names,
     * in the calling JVM's order) and sets up the steps.
     *
     * @throws ConfigurationException when a condition names a treatment this experiment does not declare
     */
    public RunHost(Experiment experiment, List<String> conditions) {
        this(experiment, conditions, List.of());
    }

    /**
     * A host whose runs also call {@code extra} plugins' per-run hooks, after the experiment's own
     * (e.g. to record which worker ran each run).
     */
    public RunHost(Experiment experiment, List<String> conditions, List<? extends Plugin> extra) {
        this.experiment = experiment;
        this.conditionNames = List.copyOf(conditions);
        List<Treatment> treatments = new ArrayList<>();
        Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
        for (String name : conditionNames) {
            Treatment treatment = name.equals(Names.BASELINE) ? null : treatment(name);
            treatments.add(treatment);
            parameters.put(name, treatment == null || treatment.isComputed() ? experiment.parametersOf(null)
                    : experiment.parametersOf(treatment));
        }
        Conditions table = new Conditions(treatments, parameters);
        List<Plugin> plugins = new ArrayList<>(experiment.plugins());
        plugins.addAll(extra);
        plugins.add(new Collector());
        SeedPlugin seeds = experiment.getPlugin(SeedPlugin.class).orElseThrow();
        this.lifecycle = new StepLifecycle(experiment.name(), experiment.pipeline().steps());
        this.steps = new RunSteps(experiment, seeds, new PluginHooks(plugins), table, lifecycle.resources(),
                ExecutionStop.none());
        lifecycle.setUp();
    }

    private Treatment treatment(String name) {
        for (Treatment t : experiment.treatments()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new ConfigurationException("treatment '" + name + "' is not among the treatments experiment '"
                + experiment.name() + "' declares in this worker " + experiment.treatments().stream()
                        .map(Treatment::name).toList() + ": a worker rebuilds the experiment, so run only the "
                + "treatments it declares, or give the worker a factory that builds the experiment with this one");
    }

    /** Runs {@code task} and returns its outcome, encoded for {@link RunTasks#complete}. */
    public byte[] run(RunTask task) {
        int c = conditionNames.indexOf(task.condition());
        if (c < 0) {
            throw new IllegalArgumentException("task " + task.key() + " names condition '" + task.condition()
                    + "', which this host was not opened with " + conditionNames);
        }
        written.clear();
        RunRecord record = steps.run(task.index(), c, task.replicate(), null, new RunSteps.Input(null, task.seed()),
                null);
        Thread.interrupted(); // a run's stray interrupt must not reach the worker's next read
        return RunOutcomes.encode(task, record, List.copyOf(written));
    }

    /** Tears the steps down. */
    @Override
    public void close() {
        lifecycle.tearDown(null, null);
    }

    /** Keeps what each step of the running task wrote, for the calling JVM to store. */
    private final class Collector implements Plugin {
        @Override
        public void afterStep(Step<?, ?> step, Object output, Context context) {
            if (context.replicate() < 0 || !context.wroteArtifacts()) {
                return;
            }
            context.artifacts().written().forEach((name, content) ->
                    written.add(new RunOutcomes.Written(step.name(), name, content)));
        }
    }
}
