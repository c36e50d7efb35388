package io.crystallize.artifacts;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Experiment;
import io.crystallize.internal.json.JsonOut;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Names and atomic writes of the on-disk layout. */
final class Layout {

    static final String METADATA = "metadata.json";
    static final String MANIFEST = "_manifest.json";
    static final String RESULTS = "results.json";
    static final String RESULT = "result.json";
    static final String COMPLETE = ".crystallize_complete";
    /** Written in the version directory, instead of completion markers, when the execution was cancelled. */
    static final String CANCELLED = ".crystallize_cancelled";
    /** The suffix of a file written before its atomic rename. */
    static final String TEMPORARY = ".tmp";

    private Layout() {
    }

    static Path versionDir(Path experimentDir, long version) {
        return experimentDir.resolve("v" + version);
    }

    /** Existing version numbers, ascending (as numbers: {@code v1000000000} after {@code v999999999}). */
    static List<Long> versions(Path experimentDir) throws IOException {
        List<Long> versions = new ArrayList<>();
        if (!Files.isDirectory(experimentDir)) {
            return versions;
        }
        try (Stream<Path> children = Files.list(experimentDir)) {
            children.map(p -> p.getFileName().toString())
                    .filter(Layout::isVersionName)
                    .map(n -> Long.parseLong(n.substring(1)))
                    .sorted()
                    .forEach(versions::add);
        }
        return versions;
    }

    /**
     * "v" and a version number as this library writes it: a non-negative long in decimal, without
     * a leading zero, so that every version has one name.
     */
    static boolean isVersionName(String name) {
        if (name.length() < 2 || name.length() > 20 || name.charAt(0) != 'v') {
            return false;
        }
        if (name.charAt(1) == '0' && name.length() > 2) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        if (name.length() < 20) {
            return true; // up to 18 digits always fit a long
        }
        try {
            Long.parseLong(name.substring(1));
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    /** True for a file written before its rename ({@code .<name>.<pid>.<thread>.tmp}): a leftover when its writer is gone. */
    static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMPORARY);
    }

    /** Writes {@code content} to {@code target} via a temporary file in the same directory and an atomic rename. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        // a temporary name unique to this process and thread: Files.createTempFile costs ten times
        // more (random names, existence checks) and this runs for every artifact and result file
        Path temp = target.resolveSibling("." + target.getFileName() + "." + PROCESS + "." + Thread.currentThread().getId()
                + TEMPORARY);
        try {
            try {
                Files.write(temp, content);
            } catch (java.nio.file.NoSuchFileException e) {
                Files.createDirectories(target.getParent());
                Files.write(temp, content);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Creates a directory whose parent exists, if missing: cheaper than
     * {@code Files.createDirectories}, which throws (and fills in a stack trace) when it exists.
     */
    static void createDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** Creates an empty marker file: creating a file is atomic by itself. */
    static void mark(Path target) throws IOException {
        try {
            Files.write(target, new byte[0]);
        } catch (java.nio.file.NoSuchFileException e) {
            Files.createDirectories(target.getParent());
            Files.write(target, new byte[0]);
        }
    }

    private static final long PROCESS = ProcessHandle.current().pid();

    /** Indented; {@code value} holds plain values (see {@link JsonOut}). */
    static void writeJson(Path target, Object value) throws IOException {
        writeAtomically(target, JsonOut.pretty(value));
    }

    /**
     * Creates {@code experimentDir} (and the results root above it) when missing; true when it
     * was made now, so no version can be in it yet.
     */
    static boolean createExperimentDirectory(Path experimentDir) throws IOException {
        try {
            Files.createDirectory(experimentDir);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (Files.isDirectory(experimentDir)) {
                return false;
            }
            throw e;
        } catch (java.nio.file.NoSuchFileException e) {
            try {
                Files.createDirectories(experimentDir);
            } catch (IOException notMade) {
                ArtifactPlugin.requireDirectory(experimentDir.getParent()); // the clearer error, if that is why
                throw notMade;
            }
            return true;
        } catch (IOException e) {
            ArtifactPlugin.requireDirectory(experimentDir.getParent()); // the clearer error, if that is why
            throw e;
        }
    }

    /**
     * The first version number worth trying in {@code experimentDir}, given its {@code versions}.
     * Two different experiments with one name under one root would mix their versions: the
     * newest version whose metadata can be read must name the same experiment id (a damaged one
     * is reported and passed over, so it never keeps new versions from being claimed).
     */
    static long firstFreeVersion(Path experimentDir, Experiment experiment, List<Long> versions) throws IOException {
        for (int i = versions.size() - 1; i >= 0; i--) {
            java.util.Optional<String> owner = VersionReader.owner(versionDir(experimentDir, versions.get(i)));
            if (owner.isPresent()) {
                requireSameOwner(experimentDir, experiment, owner.get());
                break;
            }
        }
        return versions.isEmpty() ? 0 : versions.get(versions.size() - 1) + 1;
    }

    static void requireSameOwner(Path experimentDir, Experiment experiment, String owner) {
        if (!owner.equals(experiment.id())) {
            throw new ConfigurationException("two experiments named '" + experiment.name() + "' share the results root "
                    + experimentDir.getParent() + ": '" + owner + "' and '" + experiment.id()
                    + "'; give one of them another name");
        }
    }

    /** Without indentation: for files holding large arrays of values. */
    static void writeCompactJson(Path target, Object value) throws IOException {
        writeAtomically(target, JsonOut.compact(value));
    }
}
