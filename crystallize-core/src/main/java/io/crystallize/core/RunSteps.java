package io.crystallize.core;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries one run through its context, the {@code beforeReplicate} hooks, the data source and
 * every step with its hooks, and records what it left. Whatever the run throws — any
 * {@link Throwable} — is its recorded failure; nothing escapes to the other runs.
 */
final class RunSteps {

    private final Experiment experiment;
    private final SeedPlugin seeds;
    private final PluginHooks hooks;
    private final Step<?, ?>[] steps;
    private final Conditions conditions;
    private final Resources resources;
    private final Provenance.Interner interner;
    private final ExecutionStop stop;

    RunSteps(Experiment experiment, SeedPlugin seeds, PluginHooks hooks, Conditions conditions, Resources resources,
            ExecutionStop stop) {
        this.experiment = experiment;
        this.seeds = seeds;
        this.hooks = hooks;
        this.steps = experiment.pipeline().steps().toArray(new Step<?, ?>[0]);
        this.conditions = conditions;
        this.resources = resources;
        this.interner = new Provenance.Interner(conditions.count(), steps.length);
        this.stop = stop;
    }

    /**
     * Runs condition {@code c} of {@code replicate}.
     *
     * @param slot   where a supervised run says what it is doing, or {@code null}
     * @param input  data and seed given to {@code apply}, or {@code null}
     * @param output receives the last step's output for {@code apply}, or {@code null}
     * @return the run's record; {@code null} when it was abandoned meanwhile, or when even its
     *         failure could not be recorded (then the execution stops, naming it)
     */
    RunRecord run(int task, int c, int replicate, ActiveRuns.Slot slot, Input input, Object[] output) {
        Treatment treatment = conditions.treatment(c);
        String condition = conditions.name(c);
        long seed = input != null && input.seed() != null ? input.seed() : seeds.replicateSeed(replicate, condition);
        Context context = null;
        StepTrace trace = null;
        String where = null;
        try {
            Map<String, Object> parameters = conditions.parameters(c);
            if (treatment != null && treatment.isComputed()) {
                parameters = computedParameters(treatment, parameters);
            }
            context = new Context(parameters, replicate, condition, seed, resources);
            trace = new StepTrace(interner, c, steps.length, context.metrics());
            if (hooks.beforeReplicate.length > 0) {
                if (slot != null && !slot.enterHooks()) {
                    return null;
                }
                try {
                    for (Plugin plugin : hooks.beforeReplicate) {
                        plugin.beforeReplicate(context);
                    }
                } finally {
                    leave(slot);
                }
            }
            Object data = input != null && input.data() != null ? input.data() : experiment.dataSource().fetch(context);
            for (int i = 0; i < steps.length; i++) {
                Step<?, ?> step = steps[i];
                where = step.name();
                if (slot != null) {
                    slot.step = where;
                }
                if (hooks.beforeStep.length > 0) {
                    if (slot != null && !slot.enterHooks()) {
                        return null;
                    }
                    try {
                        for (Plugin plugin : hooks.beforeStep) {
                            plugin.beforeStep(step, context);
                        }
                    } finally {
                        leave(slot);
                    }
                }
                trace.start(where, i);
                context.enterStep(where, trace);
                try {
                    data = applyStep(step, data, context);
                } finally {
                    context.leaveStep();
                    trace.finish();
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("step '" + where + "' returned with its thread interrupted");
                }
                if (hooks.afterStep.length > 0) {
                    if (slot != null && !slot.enterHooks()) {
                        return null;
                    }
                    try {
                        for (Plugin plugin : hooks.afterStep) {
                            plugin.afterStep(step, data, context);
                        }
                    } finally {
                        leave(slot);
                    }
                }
            }
            if (output != null) {
                output[0] = data;
            }
            return new RunRecord(context.metrics(), trace.runTrace(), artifactPaths(context), null);
        } catch (Throwable e) {
            return failed(task, condition, replicate, where, e, context, trace);
        }
    }

    /** The seed a run of {@code condition} in {@code replicate} runs with. */
    long seed(int replicate, String condition) {
        return seeds.replicateSeed(replicate, condition);
    }

    Provenance.Interner interner() {
        return interner;
    }

    /**
     * Stores the artifacts a run elsewhere wrote through this JVM's artifact-storing plugins, as
     * their {@code afterStep} would have during the run; returns where they were stored.
     */
    List<Path> storeArtifacts(RunTask task, int c, List<RunOutcomes.Written> artifacts) throws Exception {
        Context context = new Context(conditions.parameters(c), task.replicate(), task.condition(), task.seed(),
                resources);
        int i = 0;
        while (i < artifacts.size()) {
            String stepName = artifacts.get(i).step();
            Step<?, ?> step = stepNamed(stepName);
            context.enterStep(stepName, null);
            try {
                for (; i < artifacts.size() && artifacts.get(i).step().equals(stepName); i++) {
                    context.artifacts().write(artifacts.get(i).name(), artifacts.get(i).content());
                }
                for (Plugin plugin : hooks.afterStep) {
                    if (plugin instanceof ArtifactStore) {
                        plugin.afterStep(step, null, context);
                    }
                }
            } finally {
                context.leaveStep();
            }
        }
        return artifactPaths(context);
    }

    private Step<?, ?> stepNamed(String name) {
        for (Step<?, ?> step : steps) {
            if (step.name().equals(name)) {
                return step;
            }
        }
        throw new IllegalArgumentException("a worker reported artifacts of step '" + name + "', which experiment '"
                + experiment.name() + "' does not have: run workers with the same build of the experiment");
    }

    private static void leave(ActiveRuns.Slot slot) {
        if (slot != null) {
            slot.leaveHooks();
        }
    }

    /**
     * Records a failure. Running out of memory is recorded like any other failure, without the
     * values the run recorded (memory is short); the second time in an execution it also stops the
     * execution, as does a failure that cannot be recorded at all.
     */
    private RunRecord failed(int task, String condition, int replicate, String where, Throwable e, Context context,
            StepTrace trace) {
        try {
            if (e instanceof OutOfMemoryError outOfMemory) {
                stop.outOfMemory(task, where, outOfMemory);
                return FailedRun.of(condition, replicate, where, e, null, null);
            }
            return FailedRun.of(condition, replicate, where, e, context, trace);
        } catch (OutOfMemoryError again) {
            stop.outOfMemoryNow(task, where, e);
            return null;
        }
    }

    private Map<String, Object> computedParameters(Treatment treatment, Map<String, Object> parameters) {
        Map<String, Object> computed = new LinkedHashMap<>(parameters);
        for (Map.Entry<String, ?> e : treatment.resolve(experiment.parametersOf(null)).entrySet()) {
            computed.put(e.getKey(), experiment.parameters().coerce(treatment.name(), e.getKey(), e.getValue()));
        }
        return Context.frozenCopy(computed);
    }

    static List<Path> artifactPaths(Context context) {
        ArtifactLog log = context.artifactLogIfUsed();
        // emptyList, not List.of(): its forEach makes no iterator
        return log == null ? Collections.emptyList() : log.locations();
    }

    @SuppressWarnings("unchecked")
    private static Object applyStep(Step<?, ?> step, Object data, Context context) throws Exception {
        return ((Step<Object, Object>) step).apply(data, context);
    }

    /** Data and seed given to {@code apply}. */
    record Input(Object data, Long seed) {
    }
}
