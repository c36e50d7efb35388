package io.crystallize.core;

import io.crystallize.base.Names;
import io.crystallize.base.RunFailure;
import io.crystallize.hypothesis.Hypothesis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Carries out executions of one experiment: resolves what to run, then the lifecycle — plugins'
 * {@code beforeRun}, step setup, the runs, the result, plugins' {@code afterRun}, step teardown.
 * When the request has a time limit or a cancellation, setup and runs go on a {@link Worker} that
 * a {@link Watchdog} on the calling thread can stop and walk away from; otherwise everything runs
 * on the calling thread.
 */
final class Runner {

    private final Experiment experiment;
    private final SeedPlugin seeds;
    private final PluginHooks hooks;

    Runner(Experiment experiment) {
        this.experiment = experiment;
        this.seeds = experiment.getPlugin(SeedPlugin.class).orElseThrow();
        this.hooks = new PluginHooks(experiment.plugins());
    }

    Result execute(RunRequest request, boolean withBaseline) {
        List<Treatment> treatments = request.treatments() != null ? request.treatments() : experiment.treatments();
        List<Hypothesis> hypotheses = request.hypotheses() != null ? request.hypotheses() : experiment.hypotheses();
        int replicates = request.replicates() != null ? request.replicates()
                : experiment.dataSource().replicates().orElse(experiment.replicates());
        List<String> problems = ConfigurationCheck.problems(experiment, treatments, hypotheses, replicates, withBaseline);
        OptionalInt declared = experiment.dataSource().replicates();
        if (declared.isPresent() && replicates > declared.getAsInt()) {
            problems.add(replicates + " replicates asked, but the data source declares " + declared.getAsInt()
                    + " (e.g. an upstream experiment's replicate count): run at most " + declared.getAsInt());
        }
        ConfigurationCheck.require(problems);
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
        ExecutionStop stop = new ExecutionStop(request.cancelled(), request.timeLimit());
        Execution execution = new Execution(experiment, replicates, treatments, hypotheses, conditionParameters, false,
                stop);
        execution.resumable(RunIdentity.of(experiment, seeds, replicates, conditionParameters), request.resume());
        return lifecycle(execution, stop, conditions, replicates, hypotheses, null, null, request.supervised(),
                request.strategy());
    }

    Object applyOnce(Treatment treatment, Object data, Long seed) {
        Map<String, Map<String, Object>> conditionParameters = new LinkedHashMap<>();
        String condition = treatment == null ? Names.BASELINE : treatment.name();
        conditionParameters.put(condition, treatment == null || treatment.isComputed()
                ? experiment.parametersOf(null) : experiment.parametersOf(treatment));
        ExecutionStop stop = ExecutionStop.none();
        Execution execution = new Execution(experiment, 1, treatment == null ? List.of() : List.of(treatment),
                List.of(), conditionParameters, true, stop);
        List<Treatment> conditions = new ArrayList<>();
        conditions.add(treatment);
        Object[] output = new Object[1];
        Result result = lifecycle(execution, stop, conditions, 1, List.of(), new RunSteps.Input(data, seed), output,
                false, null);
        if (!result.errors().isEmpty()) {
            RunFailure failure = result.errors().values().iterator().next();
            throw new RunFailedException(failure);
        }
        return output[0];
    }

    private Result lifecycle(Execution execution, ExecutionStop stop, List<Treatment> conditions, int replicates,
            List<Hypothesis> hypotheses, RunSteps.Input input, Object[] output, boolean supervised,
            TaskExecution strategy) {
        Instant started = Instant.now();
        for (Plugin plugin : experiment.plugins()) {
            try {
                plugin.beforeRun(execution);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new PluginException(e);
            }
        }
        StepLifecycle stepLifecycle = new StepLifecycle(experiment.name(), experiment.pipeline().steps());
        Conditions table = new Conditions(conditions, execution.conditionParameters());
        ActiveRuns active = supervised ? new ActiveRuns(stop) : null;
        int warmups = input != null ? 0 : experiment.options().warmupReplicates();
        DurableRuns durable = execution.isSinglePass() ? null : experiment.getPlugin(DurableRuns.class).orElse(null);
        Runs runs = new Runs(execution, stop, new RunSteps(experiment, seeds, hooks, table, stepLifecycle.resources(), stop),
                table, replicates, warmups, active, input, output, new FirstRunCheck(table.names(),
                        execution.treatments().stream().map(Treatment::name).toList(), hypotheses,
                        experiment.options().toleratedFailureFraction()), durable).requesting(strategy);
        if (durable != null && execution.resumeRequested()) {
            runs.restore(durable.resumed(execution));
        }
        Map<String, Execution.Reuse> reuses = execution.reuses();
        if (!reuses.isEmpty()) {
            boolean[] skipped = new boolean[table.count()];
            for (int c = 0; c < skipped.length; c++) {
                skipped[c] = reuses.containsKey(table.name(c));
            }
            runs.skip(skipped);
        }
        Runnable phase = () -> {
            stepLifecycle.setUp();
            runs.runAll();
            runs.noteInterruptAfterLoop();
        };
        Result result = null;
        Throwable primary = null;
        boolean interruptedAfterRuns = false;
        try {
            Watchdog.Outcome left;
            try {
                // a worker only where a hung run must be walked away from: a time limit
                left = supervised && stop.hasLimit() ? new Watchdog(stop, active).supervise(phase)
                        : supervised ? cancellable(phase, stop, active) : inline(phase);
            } finally {
                runs.afterRuns();
            }
            // what the first complete run of a condition shows about every run fails the execution now
            runs.firstRunProblem();
            RunRecord[] records = runs.records(left.runs());
            result = new ResultAssembly(experiment, seeds).reusing(reuses).assemble(execution, table.count(),
                    replicates, hypotheses, records, started);
            // the plugins write files, which an interrupted thread cannot; the status is set again before returning
            interruptedAfterRuns = Thread.interrupted();
            PluginException afterRunFailure = afterRun(execution, result);
            if (stop.isStopped()) {
                ExecutionStoppedException stopped = stop.exception(experiment.name(), result,
                        runs.progress(records, left, stepLifecycle.settingUp()), runs::key);
                if (afterRunFailure != null) {
                    stopped.addSuppressed(afterRunFailure);
                }
                throw stopped;
            }
            if (afterRunFailure != null) {
                throw afterRunFailure;
            }
            return result;
        } catch (RuntimeException | Error e) {
            primary = e;
            throw e;
        } finally {
            try {
                stepLifecycle.tearDown(primary, result);
            } finally {
                if (interruptedAfterRuns || stop.interruptedOn(Thread.currentThread())) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** On the calling thread, interrupted in its runs when the cancellation is asked for. */
    private static Watchdog.Outcome cancellable(Runnable phase, ExecutionStop stop, ActiveRuns active) {
        try (CancellationWatch watch = CancellationWatch.start(stop, active)) {
            return inline(phase);
        }
    }

    private static Watchdog.Outcome inline(Runnable phase) {
        phase.run();
        return new Watchdog.Outcome(List.of(), false);
    }

    /**
     * Every plugin's afterRun, also after one failed, so a failing plugin never keeps another from
     * writing results; the first failure, carrying the result, is returned.
     */
    private PluginException afterRun(Execution execution, Result result) {
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
        return failure;
    }
}
