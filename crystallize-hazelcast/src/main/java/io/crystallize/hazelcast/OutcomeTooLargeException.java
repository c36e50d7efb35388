package io.crystallize.hazelcast;

/**
 * A run's outcome (its metrics, provenance and, mostly, the artifacts it wrote) is larger than the
 * driver accepts from a worker; the run is recorded as failed with this message.
 */
public final class OutcomeTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutcomeTooLargeException(String message) {
        super(message);
    }
}
