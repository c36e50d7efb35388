package io.crystallize.plugins;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Execution;
import io.crystallize.core.Plugin;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the runs of an execution on worker threads, the calling thread being one of them. Results are identical to the serial
 * strategy: every run records into its own slot, whatever order runs finish in.
 */
public final class ParallelExecution implements Plugin {

    /** How often a waiting caller looks whether the execution stopped. */
    private static final long STOP_POLL_MILLIS = 50;

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

    /**
     * Runs the tasks on {@code workers} threads, the calling one included. When the calling thread
     * is interrupted while it waits for the others, no further run starts, the runs in progress
     * are interrupted and waited for, and it returns with its interrupt status set. When the
     * execution stops for another reason, the runs in progress are interrupted too.
     */
    @Override
    public boolean runExperimentLoop(Execution execution, List<Runnable> runs) {
        if (workers == 1 || runs.size() < 2) {
            runs.forEach(Runnable::run);
            return true;
        }
        // the calling thread is one of the workers; each worker claims the next run in order, so a
        // slow run holds back only its own worker
        int size = runs.size();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> escaped = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                runs.get(i).run();
            }
        };
        Thread[] helpers = new Thread[Math.min(workers, size) - 1];
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = new Thread(worker, "crystallize-" + execution.experiment().name() + "-" + (h + 1));
            helpers[h].setDaemon(true);
            helpers[h].setUncaughtExceptionHandler((thread, e) -> escaped.compareAndSet(null, e));
            helpers[h].start();
        }
        worker.run();
        try {
            awaitHelpers(execution, helpers);
        } catch (InterruptedException e) {
            next.set(size); // no further runs start
            for (Thread helper : helpers) {
                helper.interrupt();
            }
            joinUninterruptibly(helpers);
            Thread.currentThread().interrupt();
        }
        if (escaped.get() != null) {
            // runs record their own failures; anything escaping is a bug in the framework
            throw new IllegalStateException("a run escaped its failure handling", escaped.get());
        }
        return true;
    }

    /**
     * Joins the helpers; once the execution stops (a run on any thread was interrupted, or memory
     * ran out twice), the runs still in progress are interrupted, as the serial loop's one would be.
     */
    private static void awaitHelpers(Execution execution, Thread[] helpers) throws InterruptedException {
        boolean stopped = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                helper.join(STOP_POLL_MILLIS);
                if (!stopped && execution.isCancelled()) {
                    stopped = true;
                    for (Thread other : helpers) {
                        other.interrupt();
                    }
                }
            }
        }
    }

    private static void joinUninterruptibly(Thread[] helpers) {
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
