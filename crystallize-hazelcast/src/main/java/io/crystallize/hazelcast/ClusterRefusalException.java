package io.crystallize.hazelcast;

/**
 * A worker member refused a run for a reason that holds for every run of the execution: the task
 * was not signed with the cluster's secret, or the worker has a different build of the experiment.
 * The driver stops the execution with this message.
 */
public final class ClusterRefusalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClusterRefusalException(String message) {
        super(message);
    }
}
