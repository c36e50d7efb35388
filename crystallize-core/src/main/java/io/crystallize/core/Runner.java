package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import io.crystallize.base.RunFailure;
import io.crystallize.hypothesis.Hypothesis;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.RandomAccess;

/** Carries out executions of one experiment, in the lifecycle {@link Experiment} documents. */
final class Runner {

    private final Experiment experiment;
    private final SeedPlugin seeds;
    private final Hooks hooks;
    private final Step<?, ?>[] steps;
    private Map<String, Map<String, Object>> frozenParameters = Map.of();

    Runner(Experiment experiment) {
        this.experiment = experiment;
        this.seeds = experiment.getPlugin(SeedPlugin.class).orElseThrow();
        this.hooks = new Hooks(experiment.plugins());
        this.steps = experiment.pipeline().steps().toArray(new Step<?, ?>[0]);
    }

    Result execute(RunRequest request, boolean withBaseline) {
        List<Treatment> treatments = request.treatments() != null ? request.treatments() : experiment.treatments();
        List<Hypothesis> hypotheses = request.hypotheses() != null ? request.hypotheses() : experiment.hypotheses();
        int replicates = request.replicates() != null ? request.replicates()
                : experiment.dataSource().replicates().orElse(experiment.replicates());
        List<String> problems = experiment.problems(treatments, hypotheses, replicates);
        OptionalInt declared = experiment.dataSource().replicates();
        if (declared.isPresent() && replicates > declared.getAsInt()) {
            problems.add(replicates + " replicates asked, but the data source declares " + declared.getAsInt()
                    + " (e.g. an upstream experiment's replicate count): run at most " + declared.getAsInt());
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        Map<String, Map<String, Object>> conditionParameters = new LinkedHashMap<>();
        List<Treatment> conditions = new ArrayList<>();
        if (withBaseline) {
            conditionParameters.put(Names.BASELINE, experiment.parametersOf(null));
            conditions.add(null);
        }
        for (Treatment t : treatments) {
            conditionParameters.put(t.name(), t.isComputed() ? experiment.parametersOf(null) : experiment.parametersOf(t));
            conditions.add(t);
        }
        Execution execution = new Execution(experiment, replicates, treatments, hypotheses, conditionParameters, false,
                request.cancelled());
        return lifecycle(execution, conditions, replicates, hypotheses, null, null);
    }

    Result executeTrial(Treatment candidate, int replicates) {
        return execute(RunRequest.defaults().withTreatments(List.of(candidate)).withHypotheses(List.of())
                .withReplicates(replicates), false);
    }

    Object applyOnce(Treatment treatment, Object data, Long seed) {
        Map<String, Map<String, Object>> conditionParameters = new LinkedHashMap<>();
        String condition = treatment == null ? Names.BASELINE : treatment.name();
        conditionParameters.put(condition, treatment == null || treatment.isComputed()
                ? experiment.parametersOf(null) : experiment.parametersOf(treatment));
        Execution execution = new Execution(experiment, 1, treatment == null ? List.of() : List.of(treatment),
                List.of(), conditionParameters, true, () -> false);
        List<Treatment> conditions = new ArrayList<>();
        conditions.add(treatment);
        Object[] output = new Object[1];
        Result result = lifecycle(execution, conditions, 1, List.of(), new Input(data, seed), output);
        if (!result.errors().isEmpty()) {
            RunFailure failure = result.errors().values().iterator().next();
            throw new RunFailedException(failure);
        }
        return output[0];
    }

    /** Data and seed given to {@code apply}. */
    private record Input(Object data, Long seed) {
    }

    private Result lifecycle(Execution execution, List<Treatment> conditions, int replicates,
            List<Hypothesis> hypotheses, Input input, Object[] output) {
        Instant started = Instant.now();
        Map<String, Map<String, Object>> frozen = new LinkedHashMap<>();
        execution.conditionParameters().forEach((c, values) -> frozen.put(c, Context.frozenCopy(values)));
        frozenParameters = frozen;
        for (Plugin plugin : experiment.plugins()) {
            invoke(() -> plugin.beforeRun(execution));
        }
        Resources resources = new Resources();
        List<Step<?, ?>> steps = experiment.pipeline().steps();
        Result result = null;
        Throwable primary = null;
        int setUp = 0;
        try {
            for (Step<?, ?> step : steps) {
                setUp++;
                try {
                    step.setup(resources);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new PluginException("setup of step '" + step.name() + "' failed: " + e, e);
                }
            }
            result = runAll(execution, conditions, replicates, hypotheses, resources, input, output, started);
            afterRun(execution, result);
            if (execution.isCancelled()) {
                throw new ExecutionCancelledException("execution of '" + experiment.name()
                        + "' was cancelled; runs that had started finished and were recorded", result);
            }
            return result;
        } catch (RuntimeException | Error e) {
            primary = e;
            throw e;
        } finally {
            Throwable teardownFailure = null;
            String failedStep = null;
            for (int i = 0; i < setUp; i++) {
                Step<?, ?> step = steps.get(i);
                try {
                    step.teardown(resources);
                } catch (Exception | Error e) {
                    if (teardownFailure == null) {
                        teardownFailure = e;
                        failedStep = step.name();
                    } else {
                        teardownFailure.addSuppressed(e);
                    }
                }
            }
            if (teardownFailure != null) {
                if (primary != null) {
                    primary.addSuppressed(teardownFailure);
                } else {
                    throw new TeardownException("teardown of step '" + failedStep + "' failed after the execution of '"
                            + experiment.name() + "' completed; its results were recorded and written", teardownFailure, result);
                }
            }
        }
    }

    /**
     * Every plugin's afterRun, also after one failed, so a failing plugin never keeps another from
     * writing results; a failure carries the result.
     */
    private void afterRun(Execution execution, Result result) {
        PluginException failure = null;
        for (Plugin plugin : experiment.plugins()) {
            try {
                plugin.afterRun(execution, result);
            } catch (Exception e) {
                if (failure == null) {
                    failure = new PluginException("afterRun of plugin " + plugin.getClass().getSimpleName()
                            + " failed after the runs of '" + experiment.name() + "' finished: " + e
                            + "; the result is kept in this exception", e, result);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private Result runAll(Execution execution, List<Treatment> conditions, int replicates, List<Hypothesis> hypotheses,
            Resources resources, Input input, Object[] output, Instant started) {
        Runs runs = new Runs(execution, conditions, replicates, resources, input, output, hypotheses);
        boolean handled = false;
        List<Runnable> tasks = runs.asTasks();
        for (Plugin plugin : experiment.plugins()) {
            boolean[] done = new boolean[1];
            invoke(() -> done[0] = plugin.runExperimentLoop(execution, tasks));
            if (done[0]) {
                handled = true;
                break;
            }
        }
        if (!handled) {
            for (int task = 0; task < runs.taskCount; task++) {
                runs.runTask(task);
            }
        }
        runs.firstRuns.throwIfFailed();
        return new ResultAssembly(experiment, seeds).assemble(execution, conditions.size(), replicates, hypotheses,
                runs.records, started);
    }

    /**
     * The runs of one execution: warm-up replicates first, then every replicate, each over all
     * conditions. Task {@code i} is one run; tasks are made into {@link Runnable}s only for a
     * plugin that runs them, the serial loop calls {@link #runTask} directly.
     */
    private final class Runs {
        final Execution execution;
        final int conditionCount;
        final int warmups;
        final int taskCount;
        final Treatment[] treatments;
        final String[] conditionNames;
        final Map<String, Object>[] parameters; // frozen, per condition
        final RunRecord[][] records;
        final Resources resources;
        final Provenance.Interner interner;
        final Input input;
        final Object[] output;
        final FirstRunCheck firstRuns;

        @SuppressWarnings("unchecked")
        Runs(Execution execution, List<Treatment> conditions, int replicates, Resources resources, Input input,
                Object[] output, List<Hypothesis> hypotheses) {
            this.execution = execution;
            this.conditionCount = conditions.size();
            this.warmups = input != null ? 0 : experiment.options().warmupReplicates();
            this.taskCount = (replicates + warmups) * conditionCount;
            this.treatments = conditions.toArray(new Treatment[0]);
            this.conditionNames = new String[conditionCount];
            this.parameters = new Map[conditionCount];
            for (int c = 0; c < conditionCount; c++) {
                conditionNames[c] = treatments[c] == null ? Names.BASELINE : treatments[c].name();
                parameters[c] = frozenParameters.get(conditionNames[c]);
            }
            this.records = new RunRecord[replicates][conditionCount];
            this.resources = resources;
            this.interner = new Provenance.Interner(conditionCount, steps.length);
            this.input = input;
            this.output = output;
            this.firstRuns = new FirstRunCheck(conditionNames, execution.treatments().stream().map(Treatment::name)
                    .toList(), hypotheses, experiment.options().toleratedFailureFraction());
        }

        void runTask(int task) {
            if (execution.isCancelled() || firstRuns.failed()) {
                return;
            }
            int replicate = task / conditionCount - warmups;
            int c = order(replicate, task % conditionCount, conditionCount);
            if (replicate < 0) {
                runOne(c, replicate, null, null);
            } else {
                RunRecord record = runOne(c, replicate, input, output);
                records[replicate][c] = record;
                firstRuns.afterRun(c, replicate, record);
            }
        }

        List<Runnable> asTasks() {
            return new Tasks();
        }

        private final class Tasks extends AbstractList<Runnable> implements RandomAccess {
            @Override
            public Runnable get(int task) {
                Objects.checkIndex(task, taskCount);
                return () -> runTask(task);
            }

            @Override
            public int size() {
                return taskCount;
            }
        }

        private RunRecord runOne(int conditionIndex, int replicate, Input input, Object[] output) {
            Treatment treatment = treatments[conditionIndex];
            String condition = conditionNames[conditionIndex];
            long seed = input != null && input.seed() != null ? input.seed() : seeds.replicateSeed(replicate, condition);
            Context context = null;
            StepTrace trace = null;
            String where = null;
            try {
                Map<String, Object> parameters = this.parameters[conditionIndex];
                if (treatment != null && treatment.isComputed()) {
                    parameters = computedParameters(treatment, parameters);
                }
                context = new Context(parameters, replicate, condition, seed, resources);
                trace = new StepTrace(interner, conditionIndex, steps.length, context.metrics());
                for (Plugin plugin : hooks.beforeReplicate) {
                    plugin.beforeReplicate(context);
                }
                Object data = input != null && input.data() != null ? input.data() : experiment.dataSource().fetch(context);
                for (int i = 0; i < steps.length; i++) {
                    Step<?, ?> step = steps[i];
                    where = step.name();
                    for (Plugin plugin : hooks.beforeStep) {
                        plugin.beforeStep(step, context);
                    }
                    trace.start(where, i);
                    context.enterStep(where, trace);
                    try {
                        data = applyStep(step, data, context);
                    } finally {
                        context.leaveStep();
                        trace.finish();
                    }
                    for (Plugin plugin : hooks.afterStep) {
                        plugin.afterStep(step, data, context);
                    }
                }
                if (output != null) {
                    output[0] = data;
                }
                return new RunRecord(context.metrics(), trace.runTrace(), artifactPaths(context), null);
            } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                RunFailure failure = RunFailure.of(condition, replicate, where, e);
                Map<String, double[]> partial = new LinkedHashMap<>();
                if (context != null) {
                    Metrics m = context.metrics();
                    int[] length = new int[1];
                    for (int i = 0; i < m.nameCount(); i++) {
                        double[] values = m.valuesOf(i, length);
                        partial.put(m.name(i), Arrays.copyOf(values, length[0]));
                    }
                }
                RunTrace failedTrace = trace == null ? new RunTrace(new StepRecord[0], partial) : trace.failedTrace(partial);
                return new RunRecord(null, failedTrace, context == null ? Collections.emptyList() : artifactPaths(context), failure);
            }
        }
    }

    private Map<String, Object> computedParameters(Treatment treatment, Map<String, Object> parameters) {
        Map<String, Object> computed = new LinkedHashMap<>(parameters);
        for (Map.Entry<String, ?> e : treatment.resolve(experiment.parametersOf(null)).entrySet()) {
            computed.put(e.getKey(), experiment.parameters().coerce(treatment.name(), e.getKey(), e.getValue()));
        }
        return Context.frozenCopy(computed);
    }

    private int order(int replicate, int slot, int k) {
        return experiment.options().interleaved() ? Math.floorMod(slot + replicate, k) : slot;
    }

    private static List<java.nio.file.Path> artifactPaths(Context context) {
        ArtifactLog log = context.artifactLogIfUsed();
        // emptyList, not List.of(): its forEach makes no iterator
        return log == null ? Collections.emptyList() : log.locations();
    }

    @SuppressWarnings("unchecked")
    private static Object applyStep(Step<?, ?> step, Object data, Context context) throws Exception {
        return ((Step<Object, Object>) step).apply(data, context);
    }

    private static void invoke(ThrowingAction action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PluginException(e);
        }
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }

    /**
     * The plugins that implement each per-run hook, in plugin order: calling the no-op defaults of
     * the others would cost a call per plugin, step and run.
     */
    private static final class Hooks {
        private static final ClassValue<boolean[]> IMPLEMENTED = new ClassValue<>() {
            @Override
            protected boolean[] computeValue(Class<?> type) {
                return new boolean[] {
                    implemented(type, "beforeReplicate", Context.class),
                    implemented(type, "beforeStep", Step.class, Context.class),
                    implemented(type, "afterStep", Step.class, Object.class, Context.class)};
            }
        };

        final Plugin[] beforeReplicate;
        final Plugin[] beforeStep;
        final Plugin[] afterStep;

        Hooks(List<Plugin> plugins) {
            beforeReplicate = implementing(plugins, 0);
            beforeStep = implementing(plugins, 1);
            afterStep = implementing(plugins, 2);
        }

        private static Plugin[] implementing(List<Plugin> plugins, int hook) {
            return plugins.stream().filter(p -> IMPLEMENTED.get(p.getClass())[hook]).toArray(Plugin[]::new);
        }

        private static boolean implemented(Class<?> type, String hook, Class<?>... parameters) {
            try {
                return type.getMethod(hook, parameters).getDeclaringClass() != Plugin.class;
            } catch (NoSuchMethodException e) {
                return true; // cannot tell: call it
            }
        }
    }

}
