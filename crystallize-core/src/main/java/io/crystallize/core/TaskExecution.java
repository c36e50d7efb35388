package io.crystallize.core;

/**
 * An execution strategy that carries runs out somewhere else than on this JVM's threads (child
 * JVMs, a cluster). Unlike {@link Plugin#runExperimentLoop}, which gets opaque runnables, it gets
 * each run as a {@link RunTask} that a worker can execute with a {@link RunHost}, and hands the
 * worker's encoded outcome back to {@link RunTasks#complete}: the calling JVM then records the run
 * exactly as if it had run here, and alone writes results.
 *
 * <p>It is consulted before {@link Plugin#runExperimentLoop} and never for an
 * {@code apply(...)} pass, whose data and output stay in this JVM.
 */
public interface TaskExecution extends Plugin {

    /**
     * Carries out every task of {@code tasks} (or leaves some to {@link RunTasks#runHere}) and
     * returns {@code true}; or returns {@code false} to leave the execution to the next strategy.
     * A task whose worker was lost is recorded with {@link RunTasks#lost}, never retried in the
     * same worker. When {@link RunTasks#stopped()} turns true no further task should start. A
     * strategy interrupted while it waits returns with the interrupt status set again.
     */
    boolean runTasks(Execution execution, RunTasks tasks) throws Exception;
}
