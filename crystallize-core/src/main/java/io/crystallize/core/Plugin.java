package io.crystallize.core;

import java.util.List;

/**
 * Hooks into an experiment's lifecycle (the order is documented on {@link Experiment}). Plugins are
 * called in list order. Every
 * hook has a no-op default; implement only what you need.
 *
 * <p>Hooks that run per run ({@link #beforeReplicate}, {@link #beforeStep}, {@link #afterStep})
 * may be called from several threads at once under a parallel strategy.
 */
public interface Plugin {

    /** Once, when the experiment is built. */
    default void init(Experiment experiment) {
    }

    /** Once per execution, before step setup and any run. A failure here aborts the execution. */
    default void beforeRun(Execution execution) throws Exception {
    }

    /** At the start of every run, after its context is made and before the data source is fetched. */
    default void beforeReplicate(Context context) throws Exception {
    }

    default void beforeStep(Step<?, ?> step, Context context) throws Exception {
    }

    default void afterStep(Step<?, ?> step, Object output, Context context) throws Exception {
    }

    /** Once per execution, after hypotheses are verified and before step teardown. */
    default void afterRun(Execution execution, Result result) throws Exception {
    }

    /**
     * The execution strategy: run every task (each a complete run that records its own failures
     * and never throws) and return {@code true}, or return {@code false} to leave it to the next
     * plugin and finally to the serial loop. Results do not depend on the order tasks finish in.
     * A task whose execution has stopped returns at once, so a strategy may simply go on calling
     * tasks. A strategy interrupted while it waits for its threads starts no further task, lets
     * the tasks in progress end, and returns {@code true} with the interrupt status set again: the
     * execution then keeps what finished and reports the interruption.
     */
    default boolean runExperimentLoop(Execution execution, List<Runnable> runs) throws Exception {
        return false;
    }
}
