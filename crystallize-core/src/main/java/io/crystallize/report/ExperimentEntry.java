package io.crystallize.report;

import io.crystallize.core.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One experiment in a report: its result, where it is stored (or {@code null}), its stored
 * metadata (empty when unknown), its page's file name, and its verdict rows.
 */
record ExperimentEntry(Result result, Path versionDirectory, Map<String, Object> metadata, String page,
        List<VerdictRow> rows) {

    /** "v3", or null when the result was not stored. */
    String version() {
        return versionDirectory == null ? null : versionDirectory.getFileName().toString();
    }
}
