package io.crystallize.core;

import io.crystallize.base.RunFailure;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The runs of one execution: warm-up replicates first, then every replicate, each over all
 * conditions. Task {@code i} is one run; tasks are made into {@link Runnable}s only for a plugin
 * that runs them, the serial loop calls {@link #runTask} directly. Each run's record goes to its
 * own slot, so results do not depend on the order runs finish in.
 *
 * <p>Interrupts: a run that ends by an interruption, or with its thread's interrupt status set,
 * stops the execution (no further run starts) and its status is cleared, so it never reaches the
 * next run nor the plugins writing results. An interrupt is a request to stop; a run cannot tell
 * one meant for it from one meant for whoever called {@code run(...)} on the same thread.
 */
final class Runs implements ExecutionClock.Watcher {

    private final Execution execution;
    private final ExecutionStop stop;
    private final RunSteps steps;
    private final Conditions conditions;
    private final List<Plugin> plugins;
    private final int conditionCount;
    private final int warmups;
    private final int taskCount;
    private final boolean interleaved;
    private final RunRecord[] records;
    private final ActiveRuns active;
    private final RunSteps.Input input;
    private final Object[] output;
    private final FirstRunCheck firstRuns;
    /** Keeps each finished run as it finishes; {@code null} when no plugin does, or after it failed. */
    private volatile DurableRuns durable;
    private boolean[] skipped;
    private TaskExecution requested;
    /**
     * Runs are handed to {@link #durable} once the execution has lasted
     * {@value #DURABLE_AFTER_MILLIS} ms (the {@link ExecutionClock} hands over those that finished
     * before, all at once), or when it stops: keeping a run costs a few hundred nanoseconds where
     * fresh memory pages are slow to map (virtual machines), as much as a short run itself, while
     * an execution killed in its first {@value #DURABLE_AFTER_MILLIS} ms loses little.
     */
    private volatile boolean keeping;
    private volatile boolean due;
    private final long started;
    /** Registered with the {@link ExecutionClock}: some plugin keeps runs as they finish. */
    private final boolean watched;
    /** Record slots given back by a resume, which the store kept already; {@code null} when none. */
    private boolean[] restored;

    static final long DURABLE_AFTER_MILLIS = 200;

    /**
     * @param active where supervised runs say what they do, or {@code null} when runs are not watched
     */
    Runs(Execution execution, ExecutionStop stop, RunSteps steps, Conditions conditions, int replicates, int warmups,
            ActiveRuns active, RunSteps.Input input, Object[] output, FirstRunCheck firstRuns, DurableRuns durable) {
        this.execution = execution;
        this.stop = stop;
        this.steps = steps;
        this.conditions = conditions;
        this.plugins = execution.experiment().plugins();
        this.conditionCount = conditions.count();
        this.warmups = warmups;
        this.taskCount = (replicates + warmups) * conditionCount; // bounded by RunBounds
        this.interleaved = execution.experiment().options().interleaved();
        this.records = new RunRecord[replicates * conditionCount];
        this.active = active;
        this.input = input;
        this.output = output;
        this.firstRuns = firstRuns;
        this.durable = durable;
        this.started = System.nanoTime();
        this.watched = durable != null;
        if (watched) {
            ExecutionClock.watch(this);
        }
    }

    /** Once this execution has lasted {@value #DURABLE_AFTER_MILLIS} ms, starts keeping its finished runs. */
    @Override
    public boolean tick(long nowNanos) {
        if (nowNanos - started < java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(DURABLE_AFTER_MILLIS)) {
            return false;
        }
        due = true;
        startKeeping();
        return true;
    }

    /**
     * After the runs: the clock no longer watches this execution; a stopped execution hands over
     * every run that finished, however short it was, so that it can be resumed.
     */
    void afterRuns() {
        if (watched) {
            ExecutionClock.forget(this);
            if (stop.isStopped()) {
                due = true;
                startKeeping();
            }
        }
    }

    /**
     * Takes runs an interrupted execution with the same identity finished as done: their tasks
     * will not run. Called before {@link #runAll}; runs of unknown conditions or replicates are ignored.
     */
    void restore(List<FinishedRun> finished) {
        String[] names = conditions.names();
        int replicates = records.length / Math.max(1, conditionCount);
        for (FinishedRun run : finished) {
            int c = java.util.Arrays.asList(names).indexOf(run.condition());
            if (c >= 0 && run.replicate() >= 0 && run.replicate() < replicates) {
                int index = run.replicate() * conditionCount + c;
                records[index] = new RunRecord(run.metrics(), null, run.artifacts(), null);
                if (restored == null) {
                    restored = new boolean[records.length];
                }
                restored[index] = true;
            }
        }
    }

    /** Conditions (by index) whose runs are not run: an earlier execution's stand for them. */
    void skip(boolean[] conditionsSkipped) {
        this.skipped = conditionsSkipped;
    }

    /** Sets the strategy this execution asked for (e.g. forked workers); {@code null} leaves it to the plugins. */
    Runs requesting(TaskExecution strategy) {
        this.requested = strategy;
        return this;
    }

    /**
     * Runs every task through the requested task strategy, else the first plugin that takes the
     * tasks or the loop, or serially.
     */
    void runAll() {
        if (!execution.isSinglePass() && input == null) {
            List<TaskExecution> strategies = new ArrayList<>();
            if (requested != null) {
                strategies.add(requested);
            }
            for (Plugin plugin : plugins) {
                if (plugin instanceof TaskExecution strategy) {
                    strategies.add(strategy);
                }
            }
            for (TaskExecution strategy : strategies) {
                if (handled(() -> strategy.runTasks(execution, new RunTasks(this)))) {
                    return;
                }
            }
        }
        List<Runnable> tasks = new Tasks();
        for (Plugin plugin : plugins) {
            if (handled(() -> plugin.runExperimentLoop(execution, tasks))) {
                return;
            }
        }
        for (int task = 0; task < taskCount; task++) {
            runTask(task);
        }
    }

    /** A strategy's answer to "do you run these?", its checked exceptions wrapped as a plugin's. */
    private interface StrategyCall {
        boolean run() throws Exception;
    }

    private static boolean handled(StrategyCall call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PluginException(e);
        }
    }

    /**
     * After the loop: a strategy that was interrupted while it waited for its runs returns with the
     * interrupt status set (see {@link Plugin#runExperimentLoop}).
     */
    void noteInterruptAfterLoop() {
        if (Thread.interrupted()) {
            stop.interrupted(ExecutionStop.NO_RUN, null,
                    new InterruptedException("interrupted while waiting for the runs of '" + execution.experiment().name()
                            + "'"), Thread.currentThread());
        }
    }

    void runTask(int task) {
        if (stop.check() || firstRuns.failed()) {
            return;
        }
        if (!pending(task)) {
            return; // reused from an earlier execution, or kept from the interrupted one this one resumes
        }
        int replicate = task / conditionCount - warmups;
        int c = condition(task);
        ActiveRuns.Slot running = null;
        if (active != null && (running = active.begin(task)) == null) {
            return;
        }
        boolean measured = replicate >= 0;
        RunRecord record = steps.run(task, c, replicate, running, measured ? input : null, measured ? output : null);
        boolean flagged = Thread.interrupted();
        if (record != null && (flagged || record.failure() != null && FailedRun.isInterruption(record.failure().cause()))) {
            record = interrupted(task, c, replicate, record);
        }
        if (measured) {
            records[replicate * conditionCount + c] = record;
            if (record != null) {
                firstRuns.afterRun(c, replicate, record);
                offerToKeep(c, replicate, record);
            }
        }
        if (running != null) {
            running.finish(); // after the record is stored: whoever sees the run finished sees its record
        }
    }

    /**
     * Once due: hands over every run that finished so far; runs finishing afterwards are kept by
     * their own thread. A run that finished on another thread just as the timer went off may be
     * seen by neither (its record is not yet visible here): it is then not kept, and a resume runs
     * it again.
     */
    private synchronized void startKeeping() {
        DurableRuns keeper = durable;
        if (keeping || !due || keeper == null) {
            return;
        }
        keeping = true;
        for (int index = 0; index < records.length; index++) {
            RunRecord record = records[index];
            if (record != null && record.failure() == null && (restored == null || !restored[index])) {
                keep(keeper, index % conditionCount, index / conditionCount, record);
            }
        }
    }

    /** A finished run, kept at once when runs are being kept, or from the timer's pass when it comes. */
    private void offerToKeep(int c, int replicate, RunRecord record) {
        DurableRuns keeper = durable;
        if (keeper == null) {
            return;
        }
        if (keeping) {
            if (record.failure() == null) {
                keep(keeper, c, replicate, record);
            }
        } else if (due) {
            startKeeping();
            if (record.failure() == null) {
                keep(keeper, c, replicate, record); // the timer's pass may have missed it; twice is harmless
            }
        }
    }

    private void keep(DurableRuns keeper, int c, int replicate, RunRecord record) {
        try {
            keeper.finished(execution, new FinishedRun(conditions.name(c), replicate, record.metrics(), record.artifacts()));
        } catch (RuntimeException e) {
            durable = null; // the results written at the end stay the record of this execution
            System.getLogger("io.crystallize.core").log(System.Logger.Level.WARNING, "runs of '"
                    + execution.experiment().name() + "' are no longer kept as they finish: " + e);
        }
    }

    int taskCount() {
        return taskCount;
    }

    /** Task {@code task} as a worker elsewhere runs it. */
    RunTask describe(int task) {
        Objects.checkIndex(task, taskCount);
        int replicate = task / conditionCount - warmups;
        String condition = conditions.name(condition(task));
        return new RunTask(task, condition, replicate, steps.seed(replicate, condition));
    }

    List<String> conditionNames() {
        return List.of(conditions.names());
    }

    boolean stoppedForTasks() {
        return stop.check() || firstRuns.failed();
    }

    /** Records what a worker elsewhere reported for {@code task}. */
    void complete(RunTask task, byte[] outcome) {
        requireOwn(task);
        int c = condition(task.index());
        RunRecord record = RunOutcomes.decode(outcome, task, c, steps.interner(), steps::storeArtifacts);
        if (record == null) {
            lost(task, new RunLostException("run " + task.key() + " was lost: its failure could not be recorded in "
                    + "its worker (memory ran out)"));
            return;
        }
        store(task.index(), c, task.replicate(), record);
    }

    /** Records {@code task} as failed with {@code why}: its worker went away before it reported. */
    void lost(RunTask task, RunLostException why) {
        requireOwn(task);
        int c = condition(task.index());
        store(task.index(), c, task.replicate(), FailedRun.abandoned(task.condition(), task.replicate(), null, why));
    }

    /** Refuses a task this execution did not hand out: its outcome would land in another run's slot. */
    private void requireOwn(RunTask task) {
        Objects.checkIndex(task.index(), taskCount);
        if (!describe(task.index()).equals(task)) {
            throw new IllegalArgumentException("task " + task + " is not task " + task.index() + " of this execution ("
                    + describe(task.index()) + "): report outcomes for the tasks RunTasks.task(...) gave");
        }
    }

    private void store(int task, int c, int replicate, RunRecord record) {
        Objects.checkIndex(task, taskCount);
        if (replicate >= 0) {
            records[replicate * conditionCount + c] = record;
            firstRuns.afterRun(c, replicate, record);
            offerToKeep(c, replicate, record);
        }
    }

    /**
     * False for a task whose run is not to run: its condition is reused from an earlier execution,
     * or the interrupted execution this one resumes finished it.
     */
    boolean pending(int task) {
        int replicate = task / conditionCount - warmups;
        int c = condition(task);
        if (skipped != null && skipped[c]) {
            return false;
        }
        return replicate < 0 || records[replicate * conditionCount + c] == null;
    }

    private int condition(int task) {
        int replicate = task / conditionCount - warmups;
        int slot = task % conditionCount;
        return interleaved ? Math.floorMod(slot + replicate, conditionCount) : slot;
    }

    /** Throws what the first complete run of a condition showed to be wrong for every run, if anything. */
    void firstRunProblem() {
        firstRuns.throwIfFailed();
    }

    /** Stops the execution for an interrupted run; a run interrupted by an earlier stop records that stop. */
    private RunRecord interrupted(int task, int c, int replicate, RunRecord record) {
        RunFailure failure = record.failure();
        String key = RunFailure.key(conditions.name(c), replicate);
        Throwable cause = failure != null ? failure.cause()
                : new InterruptedException("run " + key + " ended with its thread interrupted");
        stop.interrupted(task, failure == null ? null : failure.step(), cause, Thread.currentThread());
        if (failure == null || stop.reason() == ExecutionStop.Reason.INTERRUPTED) {
            return record;
        }
        RunFailure stopped = RunFailure.of(failure.condition(), replicate, failure.step(),
                stop.stoppedRun(key, failure.step(), failure.cause()));
        return new RunRecord(record.metrics(), record.trace(), record.artifacts(), stopped);
    }

    /** The key of a task's run. */
    String key(int task) {
        int replicate = task / conditionCount - warmups;
        int slot = task % conditionCount;
        int c = interleaved ? Math.floorMod(slot + replicate, conditionCount) : slot;
        return RunFailure.key(conditions.name(c), replicate);
    }

    /**
     * Every measured run's record by {@code replicate * conditions + condition}: {@code null}
     * where a run did not start; abandoned runs as failures saying why, and a run whose failure
     * could not be recorded (memory ran out) with that failure.
     */
    RunRecord[] records(List<ActiveRuns.Abandoned> abandoned) {
        RunRecord[] out = abandoned.isEmpty() ? records : records.clone();
        for (ActiveRuns.Abandoned run : abandoned) {
            int index = index(run.task());
            if (index >= 0) {
                String condition = conditions.name(index % conditionCount);
                int replicate = index / conditionCount;
                out[index] = FailedRun.abandoned(condition, replicate, run.step(),
                        stop.abandonedRun(key(run.task()), run.step(), run.stack()));
            }
        }
        int fatal = stop.reason() == ExecutionStop.Reason.OUT_OF_MEMORY && stop.task() >= 0 ? index(stop.task()) : -1;
        if (fatal >= 0 && out[fatal] == null) {
            out[fatal] = FailedRun.of(conditions.name(fatal % conditionCount), fatal / conditionCount, stop.step(),
                    stop.cause(), null, null);
        }
        return out;
    }

    /**
     * How far the execution got, from the records {@link #records} gave and what the watchdog left.
     *
     * @param settingUp the step whose setup is running, or {@code null}
     */
    ExecutionStop.Progress progress(RunRecord[] out, Watchdog.Outcome left, String settingUp) {
        int ended = 0;
        for (RunRecord record : out) {
            if (record != null) {
                ended++;
            }
        }
        List<String> abandoned = new ArrayList<>();
        int measuredAbandoned = 0;
        for (ActiveRuns.Abandoned run : left.runs()) {
            abandoned.add(key(run.task()));
            if (index(run.task()) >= 0) {
                measuredAbandoned++;
            }
        }
        String setup = left.phase() && left.runs().isEmpty() ? settingUp : null;
        return new ExecutionStop.Progress(out.length, ended - measuredAbandoned, out.length - ended, abandoned, setup);
    }

    /** A measured task's record slot, or -1 for a warm-up run. */
    private int index(int task) {
        int replicate = task / conditionCount - warmups;
        if (replicate < 0) {
            return -1;
        }
        int slot = task % conditionCount;
        int c = interleaved ? Math.floorMod(slot + replicate, conditionCount) : slot;
        return replicate * conditionCount + c;
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
}
