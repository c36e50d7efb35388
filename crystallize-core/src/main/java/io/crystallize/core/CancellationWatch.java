package io.crystallize.core;

/**
 * Watches the cancellation of an execution whose runs the calling thread carries out itself (it
 * has a cancellation but no time limit, so nothing needs walking away from): the
 * {@link ExecutionClock} polls the cancellation and, once it is asked for, interrupts the runs in
 * progress. Handing runs to a worker thread and waiting for it cost a short execution two thread
 * wake-ups, more than its runs on a virtual machine. A run that ignores the interrupt runs to its
 * end; no further run starts, since every run checks the cancellation first.
 *
 * <p>The interrupt must never reach the calling thread after its runs: {@link #close()} ends the
 * watch under the same lock as the interrupt, and clears an interrupt this watch sent (an
 * interrupt from elsewhere that reached the caller in the same run is then taken for it).
 */
final class CancellationWatch implements ExecutionClock.Watcher, AutoCloseable {

    private final ExecutionStop stop;
    private final ActiveRuns active;
    private final Thread caller = Thread.currentThread();
    private boolean open = true;
    private boolean interruptedCaller;

    private CancellationWatch(ExecutionStop stop, ActiveRuns active) {
        this.stop = stop;
        this.active = active;
    }

    /** Starts watching the execution that the calling thread runs now. */
    static CancellationWatch start(ExecutionStop stop, ActiveRuns active) {
        CancellationWatch watch = new CancellationWatch(stop, active);
        ExecutionClock.watch(watch);
        return watch;
    }

    @Override
    public synchronized boolean tick(long nowNanos) {
        if (!open) {
            return true;
        }
        if (!stop.isStopped() && !stop.check()) {
            return false;
        }
        interruptedCaller |= active.interruptAll(caller);
        return true;
    }

    /** Ends the watch: no interrupt from it reaches the calling thread after this. */
    @Override
    public void close() {
        ExecutionClock.forget(this);
        synchronized (this) {
            open = false;
            if (interruptedCaller) {
                // sent to a run of this execution, which has ended: not an interrupt of the caller's own
                Thread.interrupted();
                stop.forgetInterruptsOn(caller);
            }
        }
    }
}
