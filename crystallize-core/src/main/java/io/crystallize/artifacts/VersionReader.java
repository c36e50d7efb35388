package io.crystallize.artifacts;

import io.crystallize.base.MetricSeries;
import io.crystallize.base.Names;
import io.crystallize.core.Result;
import io.crystallize.internal.json.Json;
import io.crystallize.internal.json.JsonIn;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/** Reads version directories that other processes wrote, may still write, or left damaged. */
final class VersionReader {

    private static final System.Logger LOG = System.getLogger("io.crystallize.artifacts");

    private VersionReader() {
    }

    static VersionStatus status(Path versionDir) throws IOException {
        if (isComplete(versionDir)) {
            return VersionStatus.COMPLETE;
        }
        if (VersionLock.isLive(versionDir)) {
            return VersionStatus.RUNNING;
        }
        return Files.exists(versionDir.resolve(Layout.CANCELLED)) ? VersionStatus.CANCELLED : VersionStatus.FAILED;
    }

    /** Complete or cancelled: its writer wrote everything it was going to. */
    static boolean isFinished(Path versionDir) throws IOException {
        return Files.exists(versionDir.resolve(Layout.CANCELLED)) || isComplete(versionDir);
    }

    /** Every condition directory (at least one) is marked complete. */
    static boolean isComplete(Path versionDir) throws IOException {
        boolean any = false;
        try (Stream<Path> children = Files.list(versionDir)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("replicate_") || !Files.isDirectory(child)) {
                    continue;
                }
                if (!Files.exists(child.resolve(Layout.COMPLETE))) {
                    return false;
                }
                any = true;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return false; // deleted meanwhile
        }
        return any;
    }

    /** The newest complete version of {@code experimentDir}, if any. */
    static Optional<Path> latestComplete(Path experimentDir) throws IOException {
        if (!Files.isDirectory(experimentDir)) {
            return Optional.empty();
        }
        List<Long> versions = Layout.versions(experimentDir);
        for (int i = versions.size() - 1; i >= 0; i--) {
            Path dir = Layout.versionDir(experimentDir, versions.get(i));
            if (isComplete(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The result stored in a complete version directory. */
    static Result readResult(Path versionDir) throws IOException {
        return read(versionDir, false);
    }

    /** The result stored in a complete version directory, or the partial one of a cancelled execution. */
    static Result readPartialResult(Path versionDir) throws IOException {
        return read(versionDir, true);
    }

    private static Result read(Path versionDir, boolean partialToo) throws IOException {
        if (!Files.isDirectory(versionDir)) {
            throw new FileNotFoundException(versionDir + " is not a directory: pass a version directory, "
                    + "<root>/<experiment>/v<n>");
        }
        VersionStatus status = status(versionDir);
        if (status != VersionStatus.COMPLETE && !(partialToo && status == VersionStatus.CANCELLED)) {
            throw incomplete(versionDir, status);
        }
        Path summary = versionDir.resolve(Layout.RESULT);
        if (!Files.exists(summary) && status == VersionStatus.CANCELLED) {
            throw new FileNotFoundException(summary + " does not exist: the cancelled execution wrote no result");
        }
        if (!Files.exists(summary)) {
            throw new FileNotFoundException(summary + " does not exist though every condition is marked complete: "
                    + "the version was edited by hand; rerun the experiment or read another version");
        }
        String json = new String(Confined.read(versionDir, summary, Confined.JSON_LIMIT), StandardCharsets.UTF_8);
        List<String> conditions = conditions(summary, json);
        Map<String, Map<String, MetricSeries>> metrics = new LinkedHashMap<>();
        for (String condition : conditions) {
            Path file = versionDir.resolve(condition).resolve(Layout.RESULTS);
            metrics.put(condition, ResultsFile.read(versionDir, file));
        }
        try {
            return Result.fromJson(json, metrics);
        } catch (RuntimeException e) {
            throw damaged(summary, versionDir, e);
        }
    }

    /** The condition names {@code result.json} lists, each checked to be one name (they are read as directories). */
    private static List<String> conditions(Path summary, String json) throws IOException {
        JsonNode listed;
        try {
            listed = Json.MAPPER.readTree(json).get("conditions");
        } catch (JacksonException e) {
            throw damaged(summary, summary.getParent(), e);
        }
        if (listed == null || !listed.isArray()) {
            throw new IOException(summary + " lists no conditions: it is damaged or was not written by this library; "
                    + "delete " + summary.getParent() + " or rerun the experiment");
        }
        List<String> conditions = new ArrayList<>();
        for (JsonNode node : listed) {
            String condition = node.isString() ? node.asString() : null;
            String problem = Names.problem("condition", condition);
            if (problem != null) {
                throw new IOException(summary + " lists condition " + node + ", which is no condition this library "
                        + "writes (" + problem + "): the file was damaged or edited; delete " + summary.getParent()
                        + " or rerun the experiment");
            }
            conditions.add(condition);
        }
        return conditions;
    }

    private static IncompleteVersionException incomplete(Path versionDir, VersionStatus status) {
        String why = switch (status) {
            case CANCELLED -> "holds a cancelled execution: only the runs that had started were recorded, "
                    + "so its results are partial";
            case RUNNING -> "is still being written by a running execution: read it when that has finished";
            case FAILED -> "was not finished: its execution crashed, was killed, failed before its results were "
                    + "written, or writing them failed";
            case COMPLETE -> throw new IllegalArgumentException("complete");
        };
        return new IncompleteVersionException(versionDir, status, versionDir + " " + why
                + "; no condition in it is marked complete. Read a complete version "
                + "(ArtifactPlugin.latestCompleteVersion) or rerun the experiment");
    }

    /** An error naming a file that cannot be parsed, and the way out. */
    static IOException damaged(Path file, Path versionDir, Exception cause) {
        String detail = cause instanceof JacksonException j ? j.getOriginalMessage() : String.valueOf(cause.getMessage());
        return new IOException(file + " is damaged (" + detail + "): the process writing it was stopped, or the file "
                + "was edited; delete " + versionDir + " or rerun the experiment to write a new version", cause);
    }

    /**
     * The string value of {@code name} in the top-level object of {@code json}, streamed: the rest
     * (the environment, the parameters) is read through, to know the file is whole, but not built
     * into a tree.
     *
     * @throws JacksonException when {@code json} is not well-formed (a truncated file)
     */
    static Optional<String> topLevelString(byte[] json, String name) {
        // the stream alone: building the mapper costs a fresh JVM more than its first claims
        try (JsonParser parser = JsonIn.FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return Optional.empty();
            }
            Optional<String> found = Optional.empty();
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                boolean wanted = name.equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (wanted && value == JsonToken.VALUE_STRING) {
                    found = Optional.of(parser.getString());
                }
                parser.skipChildren();
            }
            return found;
        }
    }

    /**
     * The experiment id that the version's metadata records, or empty when it records none or cannot be
     * read — a damaged file is reported as a warning and never keeps new versions from being claimed.
     */
    static Optional<String> owner(Path versionDir) {
        Path metadata = versionDir.resolve(Layout.METADATA);
        try {
            return topLevelString(Confined.read(versionDir, metadata, Confined.JSON_LIMIT), "id");
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException | JacksonException e) {
            String detail = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            LOG.log(Level.WARNING, () -> metadata + " cannot be read (" + detail + "); the experiment that "
                    + "owns this directory is checked in an older version. Delete " + versionDir
                    + " if nothing in it is needed");
            return Optional.empty();
        }
    }
}
