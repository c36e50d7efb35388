package io.crystallize.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runs in progress of a supervised execution, one slot per thread running them: which run,
 * in which step, and whether it still counts. A run that is abandoned no longer counts: its late
 * record and its later plugin hooks (which would write files into a finished version) are dropped.
 *
 * <p>A slot's state is one atomic word, {@code task << 2 | phase}, so that the run finishing and
 * the watchdog abandoning it cannot both win.
 */
final class ActiveRuns {

    private static final long IDLE = 0;
    private static final long RUNNING = 1;
    private static final long IN_HOOK = 2;
    private static final long ABANDONED = 3;

    private final ConcurrentHashMap<Thread, Slot> slots = new ConcurrentHashMap<>();
    private final ExecutionStop stop;

    ActiveRuns(ExecutionStop stop) {
        this.stop = stop;
    }

    /** Registers run {@code task} on the calling thread; {@code null} when the execution stopped meanwhile. */
    Slot begin(int task) {
        Thread thread = Thread.currentThread();
        Slot slot = slots.computeIfAbsent(thread, Slot::new);
        slot.step = null;
        slot.state.set((long) task << 2 | RUNNING);
        // the watchdog sets the stop before it looks at the slots: one of the two sees the other
        if (stop.isStopped()) {
            slot.state.compareAndSet((long) task << 2 | RUNNING, IDLE);
            return null;
        }
        return slot;
    }

    /** Interrupts every thread in a run. */
    void interruptAll() {
        interruptAll(null);
    }

    /** Interrupts every thread in a run; true when {@code thread} was one of them. */
    boolean interruptAll(Thread thread) {
        boolean interrupted = false;
        for (Slot slot : slots.values()) {
            long phase = slot.state.get() & 3;
            if (phase == RUNNING || phase == IN_HOOK) {
                slot.thread.interrupt();
                interrupted |= slot.thread == thread;
            }
        }
        return interrupted;
    }

    /**
     * Abandons every run still in progress, waiting up to {@code hookNanos} for a run inside a
     * plugin hook to leave it (a hook writing a file is let finish), and returns them.
     */
    List<Abandoned> abandonAll(long hookNanos) {
        List<Abandoned> abandoned = new ArrayList<>();
        long until = System.nanoTime() + hookNanos;
        for (Slot slot : slots.values()) {
            while (true) {
                long state = slot.state.get();
                long phase = state & 3;
                if (phase == IDLE || phase == ABANDONED) {
                    break;
                }
                if (phase == IN_HOOK && System.nanoTime() - until < 0) {
                    sleepBriefly();
                    continue;
                }
                // a hook that does not end is abandoned too; its thread is left to itself
                if (slot.state.compareAndSet(state, (state & ~3L) | ABANDONED)) {
                    abandoned.add(new Abandoned((int) (state >>> 2), slot.step, slot.thread.getStackTrace()));
                    break;
                }
            }
        }
        abandoned.sort((a, b) -> Integer.compare(a.task(), b.task()));
        return abandoned;
    }

    private static void sleepBriefly() {
        try {
            TimeUnit.MILLISECONDS.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A run left running: its task, the step it was in, and where its thread was. */
    record Abandoned(int task, String step, StackTraceElement[] stack) {
    }

    /** What one thread is running. */
    static final class Slot {
        final Thread thread;
        final AtomicLong state = new AtomicLong();
        volatile String step;

        Slot(Thread thread) {
            this.thread = thread;
        }

        /** Before plugin hooks: false when the run was abandoned, and must call none. */
        boolean enterHooks() {
            long state = this.state.get();
            return (state & 3) == RUNNING && this.state.compareAndSet(state, (state & ~3L) | IN_HOOK);
        }

        void leaveHooks() {
            long state = this.state.get();
            if ((state & 3) == IN_HOOK) {
                this.state.compareAndSet(state, (state & ~3L) | RUNNING);
            }
        }

        /** At the run's end: false when it was abandoned, and its record must be dropped. */
        boolean finish() {
            long state = this.state.get();
            return (state & 3) == RUNNING && this.state.compareAndSet(state, IDLE);
        }
    }
}
