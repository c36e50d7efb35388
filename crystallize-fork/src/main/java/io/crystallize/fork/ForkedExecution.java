package io.crystallize.fork;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Execution;
import io.crystallize.core.RunTask;
import io.crystallize.core.RunTasks;
import io.crystallize.core.TaskExecution;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an execution's runs in child JVMs ("forks"), started with {@code java} from
 * {@code java.home}, this JVM's class path and the given JVM options, each rebuilding the
 * experiment from its {@link ExperimentSource}. Forks start with the execution and end with it,
 * or, given a {@link ForkPool}, are borrowed from the pool and serve one execution after another.
 * Each fork runs one run at a time and is sent its next run before it reports the current one, so
 * it does not wait for this JVM between runs. Each run's outcome (metrics, provenance, failure, the
 * artifacts it wrote) comes back to this JVM, which records it exactly as an in-process run (same
 * seeds: identical results) and alone writes results.
 *
 * <p>A fork that dies while running a run ({@code System.exit}, out of memory, {@code kill -9},
 * a native crash) turns that run into a recorded failure ({@link io.crystallize.core.RunLostException}
 * naming the fork, its exit code or signal and its last output) and is replaced; the execution goes
 * on. The run sent to it next had not started: the fork that replaces it runs it, so every run
 * runs once. A fork that cannot rebuild the experiment fails the execution, naming why.
 *
 * <p>With {@link #withFreshForks(int)}, as JMH does for benchmarks, each condition's replicates
 * are spread over that many fresh forks that run only that condition (after its warm-up runs) and
 * then exit, so no condition's JIT profile, heap or caches shape another's; each run then records
 * metric {@value #FORK_METRIC}, the number of the fork that ran it.
 */
public final class ForkedExecution implements TaskExecution {

    /** The metric that records which fork ran each run, with {@link #withFreshForks(int)}. */
    public static final String FORK_METRIC = "fork";

    /** How often the waiting thread looks whether the execution stopped. */
    private static final long STOP_POLL_MILLIS = 50;

    /** Tasks sent to a fork before its oldest reports: one running, one waiting in its pipe. */
    private static final int IN_FLIGHT = 2;

    private final int forks;
    private final ExperimentSource source;
    private final List<String> jvmOptions;
    private final int freshForks;
    private final ForkPool pool;

    /**
     * @param forks  how many forks run at once
     * @param source how each fork rebuilds the experiment
     */
    public ForkedExecution(int forks, ExperimentSource source) {
        this(forks, source, List.of(), 0, null);
    }

    /**
     * Runs in the forks of {@code pool}, which outlive the execution: they are borrowed for it,
     * each rebuilds the experiment, and they are given back when it ends.
     *
     * @param pool   forks started already, with their JVM options; its owner closes it
     * @param source how each fork rebuilds the experiment
     */
    public ForkedExecution(ForkPool pool, ExperimentSource source) {
        this(requirePool(pool).size(), source, pool.jvmOptions(), 0, pool);
    }

    private static ForkPool requirePool(ForkPool pool) {
        if (pool == null) {
            throw new ConfigurationException("ForkedExecution needs a ForkPool: ForkPool.start(forks, jvmOptions), "
                    + "or new ForkedExecution(forks, source) for forks of one execution");
        }
        return pool;
    }

    private ForkedExecution(int forks, ExperimentSource source, List<String> jvmOptions, int freshForks,
            ForkPool pool) {
        if (forks < 1) {
            throw new ConfigurationException("ForkedExecution needs at least 1 fork, got " + forks
                    + ": give a positive number of child JVMs, or leave forking out to run in this JVM");
        }
        if (source == null) {
            throw new ConfigurationException("ForkedExecution needs an ExperimentSource: ExperimentSource.annotated("
                    + "MyExperiment.class, root) for an annotated class, or ExperimentSource.factory(MyFactory.class) "
                    + "for an experiment built in code (a class with a no-arg constructor that builds it)");
        }
        if (freshForks < 0) {
            throw new ConfigurationException("fresh forks per condition must be 0 (reuse forks) or more, got "
                    + freshForks);
        }
        this.forks = forks;
        this.source = source;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.freshForks = freshForks;
        this.pool = pool;
    }

    /**
     * The same forks started with these JVM options (e.g. {@code -Xmx512m}).
     *
     * @throws ConfigurationException for forks of a pool, which started with the pool's options
     */
    public ForkedExecution withJvmOptions(List<String> options) {
        if (pool != null && !pool.jvmOptions().equals(options)) {
            throw new ConfigurationException("the forks of a ForkPool are started with its JVM options "
                    + pool.jvmOptions() + ": give " + options + " to ForkPool.start instead");
        }
        return new ForkedExecution(forks, source, options, freshForks, pool);
    }

    /**
     * The same forks, but each condition's replicates spread over {@code perCondition} fresh forks
     * that run only that condition and then exit ({@code 0}: forks are reused for every run).
     */
    public ForkedExecution withFreshForks(int perCondition) {
        return new ForkedExecution(forks, source, jvmOptions, perCondition, pool);
    }

    public int forks() {
        return forks;
    }

    public ExperimentSource source() {
        return source;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    public int freshForks() {
        return freshForks;
    }

    @Override
    public boolean runTasks(Execution execution, RunTasks tasks) throws InterruptedException {
        String experiment = execution.experiment().name();
        List<int[]> batches = batches(tasks);
        int count = Math.min(forks(), batches.size());
        if (count == 0) {
            return true;
        }
        ForkPool forkPool = pool != null ? pool : ForkPool.lazy(forks, jvmOptions);
        forkPool.fill(count); // they boot together
        Slots slots = new Slots(execution, tasks, forkPool, batches);
        try {
            slots.runAll(count);
        } finally {
            if (pool == null) {
                forkPool.close();
            }
        }
        return true;
    }

    /** The execution's slots: one thread per fork it runs at once, each feeding one fork at a time. */
    private final class Slots {
        private final String experiment;
        private final RunTasks tasks;
        private final ForkPool forkPool;
        private final List<int[]> batches;
        private final AtomicInteger nextBatch = new AtomicInteger();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private final AtomicBoolean abandon = new AtomicBoolean();
        private final Set<Fork> lent = ConcurrentHashMap.newKeySet();

        Slots(Execution execution, RunTasks tasks, ForkPool forkPool, List<int[]> batches) {
            this.experiment = execution.experiment().name();
            this.tasks = tasks;
            this.forkPool = forkPool;
            this.batches = batches;
        }

        void runAll(int count) {
            Thread[] threads = new Thread[count];
            for (int i = 0; i < count; i++) {
                threads[i] = new Thread(this::slot, "crystallize-" + experiment + "-fork-slot-" + (i + 1));
                threads[i].setDaemon(true);
                threads[i].start();
            }
            boolean interrupted = false;
            boolean killed = false;
            for (Thread thread : threads) {
                while (thread.isAlive()) {
                    try {
                        thread.join(STOP_POLL_MILLIS);
                    } catch (InterruptedException e) {
                        interrupted = true;
                        abandon.set(true);
                    }
                    if (!killed && (interrupted || tasks.stopped() || failure.get() != null)) {
                        killed = true;
                        abandon.set(true);
                        lent.forEach(Fork::kill); // the runs in progress end as lost, as in-process ones are interrupted
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        }

        private boolean stopping() {
            return tasks.stopped() || abandon.get() || failure.get() != null;
        }

        /**
         * Feeds one fork at a time: up to {@value #IN_FLIGHT} tasks sent ahead, so the fork never
         * waits for this JVM between runs. When the fork dies, the oldest task it held (the one it
         * ran) is recorded as lost; the tasks queued behind it had not started and go to the next fork.
         */
        private void slot() {
            Deque<Integer> pending = new ArrayDeque<>();
            Deque<RunTask> sent = new ArrayDeque<>();
            Fork fork = null;
            boolean clean = true;
            try {
                while (!sent.isEmpty() || !stopping()) {
                    if (pending.isEmpty() && sent.isEmpty()) {
                        if (freshForks > 0 && fork != null) {
                            lent.remove(fork);
                            forkPool.retire(fork, nextBatch.get() < batches.size());
                            fork = null;
                        }
                        if (!takeBatch(pending)) {
                            break;
                        }
                    }
                    if (fork == null) {
                        if (stopping()) {
                            break;
                        }
                        fork = borrow();
                    }
                    while (sent.size() < IN_FLIGHT && !stopping()
                            && (!pending.isEmpty() || freshForks == 0 && takeBatch(pending))) {
                        RunTask task = tasks.task(pending.pollFirst());
                        sent.addLast(task);
                        if (!fork.send(task)) {
                            break; // it died: receive() says so
                        }
                    }
                    RunTask oldest = sent.pollFirst();
                    byte[] outcome = fork.receive();
                    if (outcome != null) {
                        tasks.complete(oldest, outcome);
                        continue;
                    }
                    lent.remove(fork);
                    boolean stopped = stopping();
                    tasks.lost(oldest, stopped ? "the execution stopped while worker JVM " + fork.pid() + " ran it"
                            : fork.exitDescription() + " while running it; a new worker takes over");
                    while (!sent.isEmpty()) {
                        pending.addFirst(sent.pollLast().index()); // not started: the next fork runs them
                    }
                    forkPool.retire(fork, false);
                    fork = null;
                }
                clean = sent.isEmpty();
            } catch (RuntimeException e) {
                clean = false;
                failure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                clean = false;
                abandon.set(true);
            } finally {
                if (fork != null) {
                    lent.remove(fork);
                    if (clean && freshForks == 0 && fork.alive()) {
                        forkPool.release(fork);
                    } else {
                        forkPool.retire(fork, false);
                    }
                }
            }
        }

        private boolean takeBatch(Deque<Integer> pending) {
            int b = nextBatch.getAndIncrement();
            if (b >= batches.size()) {
                return false;
            }
            for (int index : batches.get(b)) {
                pending.addLast(index);
            }
            return true;
        }

        /** A fork of the pool with this execution open in it; a pooled fork that died idle is replaced once. */
        private Fork borrow() throws InterruptedException {
            while (true) {
                Fork fork = forkPool.acquire();
                if (freshForks > 0 && fork.opened() > 0) {
                    forkPool.retire(fork, true); // it served before: not fresh
                    continue;
                }
                lent.add(fork);
                try {
                    fork.open(open(tasks, experiment, fork.number()), experiment);
                    return fork;
                } catch (Fork.WorkerGoneException e) {
                    lent.remove(fork);
                    forkPool.retire(fork, false);
                    if (fork.opened() == 0) {
                        throw e; // it never served: its options or class path are wrong
                    }
                } catch (RuntimeException e) {
                    lent.remove(fork);
                    forkPool.release(fork); // it refused this experiment and waits for the next
                    throw e;
                }
            }
        }
    }

    /** Task batches: each task alone, or per condition and fresh fork its warm-ups and its share of replicates. */
    private List<int[]> batches(RunTasks tasks) {
        List<int[]> batches = new ArrayList<>();
        if (freshForks == 0) {
            for (int i = 0; i < tasks.size(); i++) {
                batches.add(new int[] {i});
            }
            return batches;
        }
        for (String condition : tasks.conditions()) {
            List<Integer> warmups = new ArrayList<>();
            List<List<Integer>> groups = new ArrayList<>();
            for (int g = 0; g < freshForks; g++) {
                groups.add(new ArrayList<>());
            }
            for (int i = 0; i < tasks.size(); i++) {
                RunTask task = tasks.task(i);
                if (!task.condition().equals(condition)) {
                    continue;
                }
                if (task.warmup()) {
                    warmups.add(i);
                } else {
                    groups.get(task.replicate() % freshForks).add(i);
                }
            }
            for (List<Integer> group : groups) {
                if (!group.isEmpty()) {
                    List<Integer> batch = new ArrayList<>(warmups);
                    batch.addAll(group);
                    batches.add(batch.stream().mapToInt(Integer::intValue).toArray());
                }
            }
        }
        return batches;
    }

    private Map<String, Object> open(RunTasks tasks, String experiment, int number) {
        Map<String, Object> sourceFields = new LinkedHashMap<>();
        sourceFields.put("kind", source.kind());
        sourceFields.put("className", source.className());
        sourceFields.put("root", source.root());
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("source", sourceFields);
        open.put("conditions", tasks.conditions());
        open.put("experiment", experiment);
        if (freshForks > 0) {
            open.put("fork", number);
        }
        return open;
    }
}
