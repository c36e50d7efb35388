package io.crystallize.core;

import java.util.List;

/**
 * The runs of one execution as tasks for a {@link TaskExecution}, and where their outcomes go.
 * Thread-safe: outcomes may arrive on any thread, in any order; each task's outcome goes to its
 * own slot, so results do not depend on the order runs finish in.
 */
public final class RunTasks {

    private final Runs runs;
    /** The runs' task numbers that are to run (not reused, not kept from a resumed execution). */
    private final int[] pending;

    RunTasks(Runs runs) {
        this.runs = runs;
        this.pending = java.util.stream.IntStream.range(0, runs.taskCount()).filter(runs::pending).toArray();
    }

    /**
     * Number of tasks: warm-up runs first, then every replicate over all conditions, leaving out
     * runs an earlier execution stands for (reused conditions, runs a resumed execution kept).
     */
    public int size() {
        return pending.length;
    }

    /** Task {@code index} (from 0 to {@link #size()}), as a worker runs it. */
    public RunTask task(int index) {
        return runs.describe(pending[index]);
    }

    /** The execution's conditions, in order: what a worker's {@link RunHost} is opened with. */
    public List<String> conditions() {
        return runs.conditionNames();
    }

    /** True once no further task should start: the execution stopped, or a first run showed a mistake. */
    public boolean stopped() {
        return runs.stoppedForTasks();
    }

    /** Runs task {@code index} (from 0 to {@link #size()}) on the calling thread, as the serial strategy would. */
    public void runHere(int index) {
        runs.runTask(pending[index]);
    }

    /**
     * Records the outcome a {@link RunHost} encoded for {@code task}, as if the run had happened in
     * this JVM: its metrics, provenance and failure, and its artifacts stored by this JVM's
     * artifact plugins.
     *
     * @throws IllegalArgumentException when {@code outcome} belongs to another task
     */
    public void complete(RunTask task, byte[] outcome) {
        int belongs = RunOutcomes.taskOf(outcome);
        if (belongs != task.index()) {
            throw new IllegalArgumentException("the outcome of task " + belongs + " was given for task " + task.index()
                    + " (" + task.key() + "): hand each worker's outcome to the task it ran");
        }
        runs.complete(task, outcome);
    }

    /**
     * Records {@code task} as failed because its worker went away before reporting (it exited, was
     * killed, ran out of memory, or left the cluster): a {@link RunLostException} with {@code why}.
     */
    public void lost(RunTask task, String why) {
        runs.lost(task, new RunLostException("run " + task.key() + " was lost: " + why));
    }
}
