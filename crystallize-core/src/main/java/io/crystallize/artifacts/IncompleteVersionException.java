package io.crystallize.artifacts;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A version directory was asked for its results but is not {@link VersionStatus#COMPLETE}: the
 * message says what it is and where complete results are.
 */
public final class IncompleteVersionException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path directory;
    private final VersionStatus status;

    IncompleteVersionException(Path directory, VersionStatus status, String message) {
        super(message);
        this.directory = directory;
        this.status = status;
    }

    /** The version directory that was read. */
    public Path directory() {
        return directory;
    }

    /** What that directory holds: never {@link VersionStatus#COMPLETE}. */
    public VersionStatus status() {
        return status;
    }
}
