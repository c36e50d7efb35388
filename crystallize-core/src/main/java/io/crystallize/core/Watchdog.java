package io.crystallize.core;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watches the set-up and the runs of an execution from the calling thread while a {@link Worker}
 * carries them out: it stops the execution when its deadline passes, its cancellation turns true
 * or the calling thread is interrupted, interrupts the runs in progress, and abandons those still
 * going a grace period later. Used only when the request has a time limit (a cancellation alone is
 * watched on the calling thread: {@link CancellationWatch}).
 */
final class Watchdog {

    /** How often the cancellation is polled while runs are in progress. */
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** How long interrupted runs get to end before they are abandoned. */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ExecutionStop stop;
    private final ActiveRuns active;

    Watchdog(ExecutionStop stop, ActiveRuns active) {
        this.stop = stop;
        this.active = active;
    }

    /**
     * Runs {@code phase} on a worker until it ends, or until the execution stops and it does not
     * end within the grace period. Rethrows what the phase threw.
     *
     * @return what was abandoned: nothing when the phase ended
     */
    Outcome supervise(Runnable phase) {
        Worker worker = Worker.start(phase);
        while (!ended(worker)) {
            if (stop.isStopped() || stop.check()) {
                active.interruptAll();
                worker.interrupt();
                if (!worker.awaitUninterruptibly(GRACE_NANOS)) {
                    return new Outcome(active.abandonAll(GRACE_NANOS), true);
                }
                break;
            }
        }
        Throwable failure = worker.failure();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new Outcome(List.of(), false);
    }

    /** Waits for the worker until the next poll or the deadline; true once it ended. */
    private boolean ended(Worker worker) {
        try {
            return worker.await(Math.max(0, Math.min(POLL_NANOS, stop.nanosLeft())));
        } catch (InterruptedException e) {
            stop.interrupted(ExecutionStop.NO_RUN, null, e, Thread.currentThread());
            return false;
        }
    }

    /**
     * What the watchdog walked away from.
     *
     * @param runs  the runs left running, by task
     * @param phase true when the phase did not end: in those runs, in a step's set-up, or in an
     *              execution strategy
     */
    record Outcome(List<ActiveRuns.Abandoned> runs, boolean phase) {
    }
}
