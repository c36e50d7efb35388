package io.crystallize.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Which versions keep their artifact files: the newest {@code keepVersions} stay whole; in older
 * versions artifact files larger than {@code largeFileBytes} are deleted, while
 * {@code results.json}, {@code metadata.json} and {@code _manifest.json} always stay.
 */
public record Retention(int keepVersions, long largeFileBytes) {

    public Retention {
        if (keepVersions < 1) {
            throw new IllegalArgumentException("retention must keep at least 1 version, got " + keepVersions);
        }
        if (largeFileBytes < 0) {
            throw new IllegalArgumentException("large-file threshold must be >= 0, got " + largeFileBytes);
        }
    }

    /** Keep the newest 3 versions whole; strip files over 1 MiB from older ones. */
    public static Retention defaults() {
        return new Retention(3, 1 << 20);
    }

    /** Never strip anything. */
    public static Retention keepAll() {
        return new Retention(Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    void apply(Path experimentDir, int newest) throws IOException {
        Stripped key = new Stripped(experimentDir.toAbsolutePath().normalize(), this);
        Integer strippedBefore = STRIPPED.get(key);
        int stripUpTo = newest - keepVersions; // inclusive
        if (stripUpTo < (strippedBefore == null ? 0 : strippedBefore)) {
            return;
        }
        if (strippedBefore == null) {
            for (int version : Layout.versions(experimentDir)) {
                if (version <= stripUpTo) {
                    stripArtifacts(Layout.versionDir(experimentDir, version));
                }
            }
        } else {
            // only the versions that left the kept window since; listing the experiment directory
            // again would cost every execution time in proportion to the versions accumulated
            for (int version = strippedBefore; version <= stripUpTo; version++) {
                Path versionDir = Layout.versionDir(experimentDir, version);
                if (Files.isDirectory(versionDir)) {
                    stripArtifacts(versionDir);
                }
            }
        }
        STRIPPED.merge(key, stripUpTo + 1, Math::max);
    }

    /** Deletes the large files under the version's {@code replicate_*} directories, where artifacts live. */
    private void stripArtifacts(Path version) throws IOException {
        List<Path> replicates;
        try (Stream<Path> children = Files.list(version)) {
            replicates = children.filter(c -> c.getFileName().toString().startsWith("replicate_")).toList();
        }
        for (Path replicate : replicates) {
            try (Stream<Path> files = Files.walk(replicate)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (Files.size(file) > largeFileBytes) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    /**
     * Per experiment directory and retention, the versions below which this JVM already stripped:
     * each execution then looks only at the versions that left the kept window since, not every
     * older one again (the first execution in a JVM still lists and walks them all).
     */
    private record Stripped(Path experimentDir, Retention retention) {
    }

    private static final Map<Stripped, Integer> STRIPPED = new ConcurrentHashMap<>();
}
