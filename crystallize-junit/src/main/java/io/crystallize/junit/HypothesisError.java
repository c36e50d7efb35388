package io.crystallize.junit;

/**
 * A hypothesis could not be evaluated for a treatment (ERROR verdict). The message is the
 * verdicts' lines; the cause, when a run failed, is the real exception of the first failed run.
 */
final class HypothesisError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HypothesisError(String message, Throwable cause) {
        super(message, cause);
    }
}
