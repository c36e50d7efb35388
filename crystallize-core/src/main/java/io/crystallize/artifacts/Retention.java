package io.crystallize.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * Strips the versions that left the kept window now that {@code newest} is written. A version
     * still being written (by a slower execution, here or in another process) is passed over and
     * looked at again by later executions, so retention never deletes what a live run wrote.
     */
    void apply(Path experimentDir, long newest) throws IOException {
        apply(experimentDir, newest, false);
    }

    /**
     * As {@link #apply(Path, long)}; {@code newestBare}: this JVM finished {@code newest} complete
     * with no artifact file, so when it leaves the kept window there is nothing to strip in it and
     * it is not listed (each listing and lock probe cost a short execution more than writing a file).
     */
    void apply(Path experimentDir, long newest, boolean newestBare) throws IOException {
        Stripped key = new Stripped(experimentDir.toAbsolutePath().normalize(), this);
        long stripUpTo = newest - keepVersions; // inclusive
        boolean remember = newestBare && keepVersions <= REMEMBERED_BARE;
        if (stripUpTo < 0 && !remember) {
            return;
        }
        Progress progress = STRIPPED.computeIfAbsent(key, k -> new Progress());
        synchronized (progress) {
            if (!progress.recordRead) {
                // where an earlier JVM's retention left off: its first pass here need not walk every old version
                progress.recordRead = true;
                // version 0: the directory held no version when it was claimed, so no record is about it
                long recorded = newest == 0 ? -1 : StrippedRecord.read(experimentDir, largeFileBytes);
                // beyond the newest version: the versions were deleted and numbering started again
                progress.next = progress.recorded = recorded > newest ? -1 : recorded;
            }
            if (remember && newest > progress.next - 1) {
                progress.bare.add(newest);
            }
            if (stripUpTo < 0) {
                return;
            }
            List<Long> candidates = new ArrayList<>();
            for (Long deferred : progress.deferred.headSet(stripUpTo, true)) {
                candidates.add(deferred);
            }
            if (progress.next < 0 || stripUpTo - progress.next > LIST_BEYOND) {
                for (long version : Layout.versions(experimentDir)) {
                    if (version <= stripUpTo) {
                        candidates.add(version);
                    }
                }
            } else {
                // only the versions that left the kept window since; listing the experiment directory
                // again would cost every execution time in proportion to the versions accumulated
                for (long version = progress.next; version <= stripUpTo; version++) {
                    candidates.add(version);
                }
            }
            progress.next = Math.max(progress.next, stripUpTo + 1);
            // passed over while a writer is at work on it; the lock is asked first, since for a
            // finished version that is one missing file, where completeness takes a listing
            progress.bare.headSet(progress.next).removeIf(version -> !candidates.contains(version));
            for (long version : candidates) {
                if (progress.bare.remove(version)) {
                    progress.deferred.remove(version);
                    continue; // written here, complete, without artifacts
                }
                Path versionDir = Layout.versionDir(experimentDir, version);
                if (!Files.isDirectory(versionDir)) {
                    progress.deferred.remove(version);
                } else if (VersionLock.isLive(versionDir) && !VersionReader.isFinished(versionDir)) {
                    progress.deferred.add(version);
                } else {
                    progress.deferred.remove(version);
                    stripArtifacts(versionDir);
                }
            }
            long firstNotStripped = progress.deferred.isEmpty() ? progress.next
                    : Math.min(progress.next, progress.deferred.first());
            if (firstNotStripped - progress.recorded >= StrippedRecord.EVERY) {
                StrippedRecord.write(experimentDir, largeFileBytes, firstNotStripped);
                progress.recorded = firstNotStripped;
            }
        }
    }

    /**
     * Deletes the large files under the version's {@code replicate_*} directories, where artifacts
     * live. Another process may strip or clean the same version at the same time: what is gone
     * already is passed over.
     */
    private void stripArtifacts(Path version) throws IOException {
        List<Path> replicates;
        try (Stream<Path> children = Files.list(version)) {
            replicates = children.filter(c -> c.getFileName().toString().startsWith("replicate_")).toList();
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path replicate : replicates) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(replicate)) {
                files = walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList();
            } catch (NoSuchFileException | UncheckedIOException e) {
                continue;
            }
            for (Path file : files) {
                try {
                    if (Files.size(file) > largeFileBytes) {
                        Files.deleteIfExists(file);
                    }
                } catch (NoSuchFileException e) {
                    // deleted meanwhile
                }
            }
        }
    }

    /**
     * Per experiment directory and retention, how far this JVM stripped: each execution then looks
     * only at the versions that left the kept window since, and at those passed over because they
     * were still being written, not every older one again. The first execution in a JVM starts
     * where the {@link StrippedRecord} of earlier JVMs says they left off, or else lists and walks
     * every old version.
     */
    private record Stripped(Path experimentDir, Retention retention) {
    }

    private static final class Progress {
        /** The first version not yet looked at; -1 before the first pass. */
        long next = -1;
        /** The experiment directory's {@link StrippedRecord} was read into {@link #next}. */
        boolean recordRead;
        /** What this JVM last read from or wrote to that record; -1: nothing. */
        long recorded = -1;
        /** Versions passed over because a writer was still at work on them. */
        final java.util.TreeSet<Long> deferred = new java.util.TreeSet<>();
        /** Versions this JVM finished complete without artifact files, not yet out of the kept window. */
        final java.util.TreeSet<Long> bare = new java.util.TreeSet<>();
    }

    /** Bare versions are remembered only when the kept window is at most this wide (memory stays small). */
    private static final int REMEMBERED_BARE = 1000;

    /** A gap of more versions than this since the last pass (versions made by hand?) is found by listing. */
    private static final long LIST_BEYOND = 1000;

    private static final Map<Stripped, Progress> STRIPPED = new ConcurrentHashMap<>();
}
