package io.crystallize.core;

import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.plugins.SeedPlugin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/** Carries out executions of one experiment: the lifecycle of DESIGN §3.1. */
final class Runner {

    private final Experiment experiment;
    private final SeedPlugin seeds;
    private final Plugin[] plugins;
    private final Step<?, ?>[] steps;
    private Map<String, Map<String, Object>> frozenParameters = Map.of();

    Runner(Experiment experiment) {
        this.experiment = experiment;
        this.seeds = experiment.getPlugin(SeedPlugin.class).orElseThrow();
        this.plugins = experiment.plugins().toArray(new Plugin[0]);
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
        int k = conditions.size();
        int warmups = input != null ? 0 : experiment.options().warmupReplicates();
        RunRecord[][] records = new RunRecord[replicates][k];
        Provenance.Interner interner = new Provenance.Interner(k, experiment.pipeline().steps().size());
        BooleanSupplier cancelled = execution::isCancelled;
        List<Runnable> tasks = new ArrayList<>((replicates + warmups) * k);
        for (int w = -warmups; w < 0; w++) {
            for (int slot = 0; slot < k; slot++) {
                int replicate = w;
                int c = order(replicate, slot, k);
                Treatment treatment = conditions.get(c);
                tasks.add(() -> {
                    if (!cancelled.getAsBoolean()) {
                        runOne(execution, treatment, c, replicate, resources, interner, null, null);
                    }
                });
            }
        }
        for (int r = 0; r < replicates; r++) {
            for (int slot = 0; slot < k; slot++) {
                int replicate = r;
                int c = order(r, slot, k);
                Treatment treatment = conditions.get(c);
                tasks.add(() -> {
                    if (!cancelled.getAsBoolean()) {
                        records[replicate][c] = runOne(execution, treatment, c, replicate, resources, interner, input,
                                output);
                    }
                });
            }
        }
        boolean handled = false;
        List<Runnable> runs = java.util.Collections.unmodifiableList(tasks);
        for (Plugin plugin : experiment.plugins()) {
            boolean[] done = new boolean[1];
            invoke(() -> done[0] = plugin.runExperimentLoop(execution, runs));
            if (done[0]) {
                handled = true;
                break;
            }
        }
        if (!handled) {
            tasks.forEach(Runnable::run);
        }
        return new ResultAssembly(experiment, seeds).assemble(execution, conditions.size(), replicates, hypotheses,
                records, started);
    }

    private int order(int replicate, int slot, int k) {
        return experiment.options().interleaved() ? Math.floorMod(slot + replicate, k) : slot;
    }

    private RunRecord runOne(Execution execution, Treatment treatment, int conditionIndex, int replicate,
            Resources resources,
            Provenance.Interner interner, Input input, Object[] output) {
        String condition = treatment == null ? Names.BASELINE : treatment.name();
        long seed = input != null && input.seed() != null ? input.seed() : seeds.replicateSeed(replicate, condition);
        Step<?, ?>[] steps = this.steps;
        StepRecord[] records = new StepRecord[steps.length];
        StepTrace trace = new StepTrace();
        int done = 0;
        Context context = null;
        String where = null;
        try {
            Map<String, Object> parameters = frozenParameters.get(condition);
            if (treatment != null && treatment.isComputed()) {
                Map<String, Object> computed = new LinkedHashMap<>(parameters);
                for (Map.Entry<String, ?> e : treatment.resolve(experiment.parametersOf(null)).entrySet()) {
                    computed.put(e.getKey(), experiment.parameters().coerce(treatment.name(), e.getKey(), e.getValue()));
                }
                parameters = Context.frozenCopy(computed);
            }
            context = new Context(parameters, replicate, condition, seed, resources);
            for (Plugin plugin : plugins) {
                plugin.beforeReplicate(context);
            }
            Object data = input != null && input.data() != null ? input.data() : experiment.dataSource().fetch(context);
            for (Step<?, ?> step : steps) {
                where = step.name();
                for (Plugin plugin : plugins) {
                    plugin.beforeStep(step, context);
                }
                trace.start(where, interner.slot(conditionIndex, done), context.metrics());
                context.enterStep(where, trace);
                try {
                    data = applyStep(step, data, context);
                } finally {
                    context.leaveStep();
                    records[done++] = trace.finish(context.metrics(), interner);
                }
                for (Plugin plugin : plugins) {
                    plugin.afterStep(step, data, context);
                }
            }
            if (output != null) {
                output[0] = data;
            }
            return new RunRecord(context.metrics(), interner.internRun(conditionIndex, records), artifactPaths(context), null);
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
            RunTrace failedTrace = new RunTrace(Arrays.copyOf(records, done), partial);
            return new RunRecord(null, failedTrace, context == null ? List.of() : artifactPaths(context), failure);
        }
    }

    private static List<java.nio.file.Path> artifactPaths(Context context) {
        ArtifactLog log = context.artifactLogIfUsed();
        return log == null ? List.of() : log.locations();
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

}
