package io.crystallize.core;

/** A plugin hook threw a checked exception; the cause is the original. */
public final class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PluginException(Exception cause) {
        super("plugin hook failed: " + cause, cause);
    }

    PluginException(String message, Exception cause) {
        super(message, cause);
    }
}
