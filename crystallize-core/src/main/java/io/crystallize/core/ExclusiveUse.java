package io.crystallize.core;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets one execution at a time use an experiment. Its plugins keep per-execution state (the
 * artifact plugin its version directory, the progress plugin its counts), so two executions at
 * once would write into each other's results; the second is refused instead.
 */
final class ExclusiveUse {

    private final AtomicReference<Thread> owner = new AtomicReference<>();

    /** Takes the experiment for {@code what}; an execution already in progress is an error naming it. */
    void enter(String experiment, String what) {
        Thread current = Thread.currentThread();
        Thread other = owner.compareAndExchange(null, current);
        if (other == null) {
            return;
        }
        if (other == current) {
            throw new IllegalStateException(what + " of experiment '" + experiment + "' was called while this thread "
                    + "executes it (from one of its steps or plugins): an experiment cannot run inside its own execution; "
                    + "build a second Experiment for the inner one");
        }
        throw new IllegalStateException(what + " of experiment '" + experiment + "' was called while thread '"
                + other.getName() + "' executes it: an Experiment runs one execution at a time, since its plugins keep "
                + "per-execution state (e.g. the results version being written); wait for that execution to end, "
                + "or build one Experiment per thread");
    }

    void exit() {
        owner.set(null);
    }
}
