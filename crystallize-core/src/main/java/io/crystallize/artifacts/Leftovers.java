package io.crystallize.artifacts;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes what writers that are gone left behind: temporary files of interrupted atomic writes,
 * their lock files, and version directories left with nothing else in them (a claim whose
 * execution failed before writing anything). Files a writer finished writing stay: a failed
 * version keeps its artifacts and results for whoever wants to know what happened. A version with
 * a live writer is never touched.
 */
final class Leftovers {

    private static final System.Logger LOG = System.getLogger("io.crystallize.artifacts");

    private Leftovers() {
    }

    /**
     * How many of the newest versions a first claim looks through. Each JVM's first claim cleans
     * what dead writers left among them, so a crashed version is cleaned by the next JVM that
     * runs the experiment, long before it falls behind; looking through every version made the
     * first claim of every JVM cost in proportion to all the versions ever written.
     */
    static final int VERSIONS_LOOKED_AT = 20;

    /**
     * Cleans each of the newest {@value #VERSIONS_LOOKED_AT} of {@code versions} (ascending) of
     * {@code experimentDir} that is neither complete nor being written.
     */
    static void clean(Path experimentDir, List<Long> versions) {
        for (long version : versions.subList(Math.max(0, versions.size() - VERSIONS_LOOKED_AT), versions.size())) {
            Path dir = Layout.versionDir(experimentDir, version);
            if (finishedByItsWriter(dir)) {
                continue;
            }
            try {
                if (!VersionReader.isComplete(dir) && !VersionLock.isLive(dir)) {
                    cleanDead(dir);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // cleanup is a courtesy: a version that cannot be cleaned now is tried again by later runs
                LOG.log(Level.DEBUG, () -> "leftovers in " + dir + " not cleaned: " + e);
            }
        }
    }

    /**
     * True when the version's writer got through to its end, however the execution went: its
     * metadata was written and its lock file deleted. Such a version has nothing to clean (an
     * atomic write that fails deletes its temporary file, and the lock file is made before
     * anything else and deleted last), and this costs two file checks where telling complete from
     * live costs a listing and a check of each entry: a first claim runs it on up to
     * {@value #VERSIONS_LOOKED_AT} versions.
     */
    static boolean finishedByItsWriter(Path versionDir) {
        return !Files.exists(versionDir.resolve(VersionLock.FILE)) && Files.exists(versionDir.resolve(Layout.METADATA));
    }

    /**
     * Cleans a version whose writer is known to be gone (crashed, killed, or abandoned by this
     * process): deletes temporary files and the lock file, then every directory left empty,
     * the version directory included.
     */
    static void cleanDead(Path versionDir) throws IOException {
        List<Path> directories = new ArrayList<>();
        int removed = 0;
        try (Stream<Path> walk = Files.walk(versionDir)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    directories.add(path);
                    continue;
                }
                String name = path.getFileName().toString();
                if (Layout.isTemporary(name) || name.equals(VersionLock.FILE)) {
                    Files.deleteIfExists(path);
                    removed++;
                }
            }
        } catch (NoSuchFileException e) {
            return; // removed meanwhile
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return; // another process cleans it at the same time
            }
            throw e.getCause();
        }
        for (int i = directories.size() - 1; i >= 0; i--) { // children before parents
            try {
                Files.delete(directories.get(i));
                removed++;
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                // holds what the writer finished: it stays
            }
        }
        if (removed > 0) {
            int count = removed;
            LOG.log(Level.DEBUG, () -> "removed " + count + " leftovers of a dead writer in " + versionDir);
        }
    }
}
