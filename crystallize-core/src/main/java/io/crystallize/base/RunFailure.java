package io.crystallize.base;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * A run that failed: where (condition, replicate, step — {@code null} for the data source or a
 * treatment), and the exception's type, message and stack trace. The live exception is kept for
 * reporting but is not part of equality or JSON.
 */
public final class RunFailure {

    private final String condition;
    private final int replicate;
    private final String step;
    private final String type;
    private final String message;
    private final String stackTrace;
    private final transient Throwable cause;

    public RunFailure(String condition, int replicate, String step, String type, String message, String stackTrace) {
        this(condition, replicate, step, type, message, stackTrace, null);
    }

    private RunFailure(String condition, int replicate, String step, String type, String message, String stackTrace,
            Throwable cause) {
        this.condition = condition;
        this.replicate = replicate;
        this.step = step;
        this.type = type;
        this.message = message;
        this.stackTrace = stackTrace;
        this.cause = cause;
    }

    /** The failure of a run that threw {@code error}, keeping the live exception for reporting. */
    public static RunFailure of(String condition, int replicate, String step, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return new RunFailure(condition, replicate, step, error.getClass().getName(), error.getMessage(),
                trace.toString(), error);
    }

    /** The key of a run: {@code <condition>_rep_<replicate>}. */
    public static String key(String condition, int replicate) {
        return condition + "_rep_" + replicate;
    }

    public String key() {
        return key(condition, replicate);
    }

    public String condition() {
        return condition;
    }

    public int replicate() {
        return replicate;
    }

    /** The failing step, or {@code null} when the data source or the treatment failed. */
    public String step() {
        return step;
    }

    public String type() {
        return type;
    }

    public String message() {
        return message;
    }

    public String stackTrace() {
        return stackTrace;
    }

    /** The original exception when this failure happened in this JVM; {@code null} when read from JSON. */
    public Throwable cause() {
        return cause;
    }

    /** The original exception, or a stand-in carrying type, message and stack trace. */
    public Throwable asThrowable() {
        return cause != null ? cause : new RecordedFailure(this);
    }

    /** One line: where it failed and why. */
    public String describe() {
        return key() + (step == null ? "" : " in step '" + step + "'") + ": " + type
                + (message == null ? "" : ": " + message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunFailure f && replicate == f.replicate && condition.equals(f.condition)
                && Objects.equals(step, f.step) && type.equals(f.type) && Objects.equals(message, f.message)
                && Objects.equals(stackTrace, f.stackTrace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(condition, replicate, step, type, message);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** A failure read back from results, re-thrown with its original type and message in the text. */
    static final class RecordedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecordedFailure(RunFailure failure) {
            super(failure.describe() + "\n" + failure.stackTrace(), null, false, false);
        }
    }
}
