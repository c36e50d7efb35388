package io.crystallize.plugins;

import io.crystallize.core.ConfigurationException;
import io.crystallize.core.Execution;
import io.crystallize.core.Plugin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the runs of an execution on a pool of worker threads. Results are identical to the serial
 * strategy: every run records into its own slot, whatever order runs finish in.
 */
public final class ParallelExecution implements Plugin {

    private final int workers;

    /** One worker per available processor. */
    public ParallelExecution() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public ParallelExecution(int workers) {
        if (workers < 1) {
            throw new ConfigurationException("ParallelExecution workers must be at least 1, got " + workers
                    + ": give a positive thread count, or leave the plugin out to run serially");
        }
        this.workers = workers;
    }

    public int workers() {
        return workers;
    }

    @Override
    public boolean runExperimentLoop(Execution execution, List<Runnable> runs) throws InterruptedException {
        if (workers == 1 || runs.size() < 2) {
            runs.forEach(Runnable::run);
            return true;
        }
        AtomicInteger count = new AtomicInteger();
        String prefix = "crystallize-" + execution.experiment().name() + "-";
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, runs.size()), threads);
        try {
            List<Future<?>> futures = new ArrayList<>(runs.size());
            for (Runnable run : runs) {
                futures.add(pool.submit(run));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    // runs record their own failures; anything escaping is a bug in the framework
                    throw new IllegalStateException("a run escaped its failure handling", e.getCause());
                }
            }
            return true;
        } finally {
            pool.shutdownNow();
        }
    }
}
