package io.crystallize.artifacts;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads that stay inside a directory: a path is built from names that are single path segments,
 * and before a file is read or handed out its real location (links followed) must lie under the
 * real location of the directory, it must be a regular file (never a device, pipe or directory),
 * and it is read only up to a limit. Results directories are written by other processes and may
 * be edited by hand, so nothing in them is trusted to point where it should.
 */
final class Confined {

    /**
     * The most any JSON file of the layout may hold: about a hundred times what a long execution
     * writes (a million runs' metric values are some 20 MB), and little enough that reading a
     * damaged or hostile file cannot exhaust the heap.
     */
    static final long JSON_LIMIT = 256L << 20;

    private Confined() {
    }

    /**
     * {@code dir/name}, when {@code name} is a valid name (see {@link Names}); otherwise a
     * configuration error naming what was asked for and the rule.
     */
    static Path child(Path dir, String kind, String name) {
        String problem = Names.problem(kind, name);
        if (problem != null) {
            throw new ConfigurationException(problem + "; results are read only from inside " + dir);
        }
        return dir.resolve(name);
    }

    /**
     * {@code file} after checking that it exists, is a regular file and lies (links followed)
     * inside {@code root}.
     *
     * @throws FileNotFoundException when it does not exist
     * @throws IOException           naming the path and the rule it breaks
     */
    static Path regularFileInside(Path root, Path file) throws IOException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException(file + " does not exist");
        }
        Path realRoot = root.toRealPath();
        if (!real.startsWith(realRoot)) {
            throw new IOException(file + " resolves to " + real + ", outside " + realRoot + ": results are read only "
                    + "from inside their directory; remove the link or copy the file in");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file (a directory, device or pipe): results are read "
                    + "only from regular files; remove it and rerun the experiment that writes it");
        }
        return real;
    }

    /** The bytes of {@code file}, checked as {@link #regularFileInside}, when it holds at most {@code limit} bytes. */
    static byte[] read(Path root, Path file, long limit) throws IOException {
        Path real = regularFileInside(root, file);
        long size = Files.size(real);
        if (size > limit) {
            throw tooLarge(file, size, limit);
        }
        // the size can change while reading: never take more than the limit either way
        try (InputStream in = Files.newInputStream(real)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw tooLarge(file, bytes.length, limit);
            }
            return bytes;
        }
    }

    private static IOException tooLarge(Path file, long size, long limit) {
        return new IOException(file + " holds " + size + " bytes, more than the " + limit + " a results file may: "
                + "it is not one this library wrote; remove it and rerun the experiment that writes it");
    }
}
