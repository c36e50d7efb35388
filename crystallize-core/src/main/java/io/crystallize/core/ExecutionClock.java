package io.crystallize.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon thread that looks at every watched execution each {@value #TICK_MILLIS} ms: whether
 * it has lasted long enough for its finished runs to be kept ({@link Runs}), whether its
 * cancellation was asked for ({@link CancellationWatch}). Watching only adds to a set: a timer task
 * or a watching thread per execution woke another thread at every execution's start, which cost a
 * short execution more than its runs. The thread ends after {@value #IDLE_TICKS} ticks with
 * nothing to watch.
 */
final class ExecutionClock {

    static final long TICK_MILLIS = 25;
    static final int IDLE_TICKS = 400;

    /** Something the clock looks at. */
    interface Watcher {
        /** Looks at the time {@code nowNanos} ({@link System#nanoTime()}); true once nothing is left to watch. */
        boolean tick(long nowNanos);
    }

    private static final Set<Watcher> WATCHED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean TICKING = new AtomicBoolean();

    private ExecutionClock() {
    }

    /** Watches {@code watcher} until its tick says it is done or it is {@linkplain #forget forgotten}. */
    static void watch(Watcher watcher) {
        WATCHED.add(watcher);
        if (!TICKING.get() && TICKING.compareAndSet(false, true)) {
            Thread thread = new Thread(ExecutionClock::tick, "crystallize-execution-clock");
            thread.setDaemon(true);
            thread.start();
        }
    }

    static void forget(Watcher watcher) {
        WATCHED.remove(watcher);
    }

    private static void tick() {
        int idle = 0;
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                // a daemon nobody interrupts: go on watching
            }
            long now = System.nanoTime();
            for (Watcher watcher : WATCHED) {
                try {
                    if (watcher.tick(now)) {
                        WATCHED.remove(watcher);
                    }
                } catch (Throwable e) { // this thread watches every execution: it must go on
                    WATCHED.remove(watcher); // the execution's own thread meets the problem again
                }
            }
            idle = WATCHED.isEmpty() ? idle + 1 : 0;
            if (idle >= IDLE_TICKS) {
                TICKING.set(false);
                // a watcher added just now must not wait for a thread that is gone
                if (WATCHED.isEmpty() || !TICKING.compareAndSet(false, true)) {
                    return;
                }
                idle = 0;
            }
        }
    }
}
