package io.crystallize.core;

import java.util.List;

/**
 * A plugin that keeps every finished run as it finishes, so that an execution which is killed,
 * stopped by its time limit or cancelled can be resumed: a resumed execution takes the runs kept
 * for the interrupted one and runs only the missing ones. It is called only for real executions,
 * never for {@code apply(...)} passes.
 */
public interface DurableRuns {

    /**
     * Called after every plugin's {@code beforeRun} when the request asks to resume: the runs kept
     * for the interrupted execution this one continues, or an empty list when it starts afresh.
     * Only runs kept for an execution with an {@link Execution#identity() identity} equal to this
     * one's may be returned.
     */
    List<FinishedRun> resumed(Execution execution);

    /**
     * Called once for every measured run that finished without failure, possibly from several
     * threads at once: from 200 ms into the execution, as each run finishes; at 200 ms (or when
     * the execution stops, if sooner), for the runs that finished before. Handing over runs costs
     * the short executions that end sooner nothing, and a kill in an execution's first 200 ms
     * loses little. It keeps the run before returning, in a way that survives the process being
     * killed; it must not throw (a store that cannot keep runs says so once and leaves the results
     * at the end as the only record). A run may be handed over twice; it is one run.
     */
    void finished(Execution execution, FinishedRun run);
}
