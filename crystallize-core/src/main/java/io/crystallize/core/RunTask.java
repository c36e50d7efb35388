package io.crystallize.core;

/**
 * One run of an execution described so that another JVM can carry it out: its position in the
 * execution, its condition, its replicate (negative for a warm-up run, whose outcome is not kept)
 * and the seed it runs with. A worker that rebuilt the same experiment and runs this task with a
 * {@link RunHost} records exactly what the run would have recorded in the calling JVM.
 *
 * @param index     the task's position in the execution, from 0
 * @param condition the condition's name ({@code baseline} or a treatment)
 * @param replicate the replicate, negative for a warm-up run
 * @param seed      the run's seed
 */
public record RunTask(int index, String condition, int replicate, long seed) {

    /** The run's key, {@code <condition>_rep_<replicate>}. */
    public String key() {
        return io.crystallize.base.RunFailure.key(condition, replicate);
    }

    /** True for a warm-up run, whose outcome is discarded. */
    public boolean warmup() {
        return replicate < 0;
    }
}
