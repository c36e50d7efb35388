package io.crystallize.fork;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Execution;
import io.crystallize.core.RunTask;
import io.crystallize.core.RunTasks;
import io.crystallize.core.TaskExecution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
 * experiment from its {@link ExperimentSource}. Runs are handed out one at a time to whichever
 * fork is free; each run's outcome (metrics, provenance, failure, the artifacts it wrote) comes
 * back to this JVM, which records it exactly as an in-process run (same seeds: identical results)
 * and alone writes results.
 *
 * <p>A fork that dies while running a run ({@code System.exit}, out of memory, {@code kill -9},
 * a native crash) turns that run into a recorded failure ({@link io.crystallize.core.RunLostException}
 * naming the fork, its exit code or signal and its last output) and is replaced; the execution goes
 * on. A fork that cannot rebuild the experiment fails the execution, naming why.
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

    private final int forks;
    private final ExperimentSource source;
    private final List<String> jvmOptions;
    private final int freshForks;

    /**
     * @param forks  how many forks run at once
     * @param source how each fork rebuilds the experiment
     */
    public ForkedExecution(int forks, ExperimentSource source) {
        this(forks, source, List.of(), 0);
    }

    private ForkedExecution(int forks, ExperimentSource source, List<String> jvmOptions, int freshForks) {
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
    }

    /** The same forks started with these JVM options (e.g. {@code -Xmx512m}). */
    public ForkedExecution withJvmOptions(List<String> options) {
        return new ForkedExecution(forks, source, options, freshForks);
    }

    /**
     * The same forks, but each condition's replicates spread over {@code perCondition} fresh forks
     * that run only that condition and then exit ({@code 0}: forks are reused for every run).
     */
    public ForkedExecution withFreshForks(int perCondition) {
        return new ForkedExecution(forks, source, jvmOptions, perCondition);
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
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicInteger forkNumbers = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicBoolean abandon = new AtomicBoolean();
        Set<Fork> live = ConcurrentHashMap.newKeySet();
        Runnable slot = () -> {
            Fork fork = null;
            try {
                for (int b = nextBatch.getAndIncrement(); b < batches.size(); b = nextBatch.getAndIncrement()) {
                    for (int index : batches.get(b)) {
                        if (tasks.stopped() || abandon.get() || failure.get() != null) {
                            return;
                        }
                        RunTask task = tasks.task(index);
                        if (fork == null) {
                            int number = forkNumbers.incrementAndGet();
                            fork = Fork.start(number, jvmOptions, open(tasks, experiment, number), experiment);
                            live.add(fork);
                        }
                        byte[] outcome = fork.run(task);
                        if (outcome != null) {
                            tasks.complete(task, outcome);
                            continue;
                        }
                        live.remove(fork);
                        boolean stopping = tasks.stopped() || abandon.get();
                        tasks.lost(task, stopping ? "the execution stopped while worker JVM " + fork.pid() + " ran it"
                                : fork.exitDescription() + " while running it; a new worker takes over");
                        fork = null;
                    }
                    if (freshForks > 0 && fork != null) {
                        live.remove(fork);
                        fork.close();
                        fork = null;
                    }
                }
            } catch (IOException e) {
                failure.compareAndSet(null, new UncheckedIOException("a forked worker of experiment '" + experiment
                        + "' could not be started: " + e.getMessage(), e));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                if (fork != null) {
                    live.remove(fork);
                    fork.close();
                }
            }
        };
        int count = Math.min(forks, batches.size());
        Thread[] threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            threads[i] = new Thread(slot, "crystallize-" + experiment + "-fork-slot-" + (i + 1));
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
                    live.forEach(Fork::kill); // the runs in progress end as lost, as in-process ones are interrupted
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return true;
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
