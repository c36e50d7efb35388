package io.crystallize.artifacts;

/**
 * What a version directory holds, as a reader finds it. Only a {@link #COMPLETE} version is read
 * as results; the others say why not.
 */
public enum VersionStatus {

    /** Every condition's results are written and marked complete: the version can be read. */
    COMPLETE,

    /**
     * The execution was cancelled: the results of the runs that had started are written, the
     * others are missing, and no condition is marked complete.
     */
    CANCELLED,

    /**
     * An execution is still writing it (in this or another process): its files are not all there
     * yet, and nothing in it is deleted by retention or cleanup.
     */
    RUNNING,

    /**
     * Its writer is gone without finishing: the process crashed or was killed, the execution
     * failed before its results were written, or writing them failed. What was written stays (it
     * may help find out why); temporary files are removed by later executions.
     */
    FAILED
}
