package io.crystallize.core;

/**
 * A plugin hook (or a step's setup) failed. The cause is the original exception. When an
 * {@code afterRun} hook failed, the execution's runs were done: {@link #result()} holds their
 * result, so nothing recorded is lost even if a plugin could not write it.
 */
public final class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Result result;

    PluginException(Exception cause) {
        super("plugin hook failed: " + cause, cause);
        this.result = null;
    }

    PluginException(String message, Exception cause) {
        this(message, cause, null);
    }

    PluginException(String message, Exception cause, Result result) {
        super(message, cause);
        this.result = result;
    }

    /** The result of the execution when an {@code afterRun} hook failed after every run finished; else {@code null}. */
    public Result result() {
        return result;
    }
}
