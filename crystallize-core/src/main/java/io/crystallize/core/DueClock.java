package io.crystallize.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells executions in progress when they have lasted {@value Runs#DURABLE_AFTER_MILLIS} ms, so
 * that their finished runs start being kept. One daemon thread looks at every watched execution
 * each {@value #TICK_MILLIS} ms; watching an execution only adds it to a set. A timer task per
 * execution woke the timer's thread at every execution's start, which cost a short execution
 * more than its runs. The thread ends after {@value #IDLE_TICKS} ticks with nothing to watch.
 */
final class DueClock {

    static final long TICK_MILLIS = 25;
    static final int IDLE_TICKS = 400;

    private static final Set<Runs> WATCHED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean TICKING = new AtomicBoolean();

    private DueClock() {
    }

    /** Watches {@code runs} until it becomes due or is {@linkplain #forget forgotten}. */
    static void watch(Runs runs) {
        WATCHED.add(runs);
        if (!TICKING.get() && TICKING.compareAndSet(false, true)) {
            Thread thread = new Thread(DueClock::tick, "crystallize-durable-runs");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops watching {@code runs} (its runs ended). */
    static void forget(Runs runs) {
        WATCHED.remove(runs);
    }

    private static void tick() {
        long due = TimeUnit.MILLISECONDS.toNanos(Runs.DURABLE_AFTER_MILLIS);
        int idle = 0;
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                // a daemon nobody interrupts: go on watching
            }
            long now = System.nanoTime();
            for (Runs runs : WATCHED) {
                if (now - runs.started() >= due && WATCHED.remove(runs)) {
                    try {
                        runs.becameDue();
                    } catch (Throwable e) { // this thread watches every execution: it must go on
                        // the runs' own threads hand over what this pass could not, as they finish
                    }
                }
            }
            idle = WATCHED.isEmpty() ? idle + 1 : 0;
            if (idle >= IDLE_TICKS) {
                TICKING.set(false);
                // an execution watched just now must not wait for a thread that is gone
                if (WATCHED.isEmpty() || !TICKING.compareAndSet(false, true)) {
                    return;
                }
                idle = 0;
            }
        }
    }
}
