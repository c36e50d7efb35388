package io.crystallize.artifacts;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.internal.json.Json;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Reads one artifact per replicate from an experiment's latest complete version. Experiment,
 * step, artifact and condition must each be a valid name (one path segment), and every path
 * handed out is a regular file inside that version.
 */
final class ArtifactSource implements DataSource<Path>, io.crystallize.fingerprint.InputIdentity {

    private static final System.Logger LOG = System.getLogger("io.crystallize.artifacts");

    private final Path experimentDir;
    private final String step;
    private final String artifact;
    private final String condition;
    private final Path version;
    private final OptionalInt replicates;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    ArtifactSource(Path root, String experiment, String step, String artifact, String condition,
            boolean requireMetadata) throws IOException {
        this.experimentDir = Confined.child(root, "experiment", experiment);
        checkName("step", step);
        checkName("artifact", artifact);
        if (condition != null) {
            checkName("condition", condition);
        }
        this.step = step;
        this.artifact = artifact;
        this.condition = condition;
        this.version = VersionReader.latestComplete(experimentDir).orElseThrow(() -> new FileNotFoundException(
                "no complete results of experiment '" + experiment + "' under " + root + ": run that experiment first"));
        Path metadata = version.resolve(Layout.METADATA);
        if (Files.exists(metadata, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            this.replicates = replicateCount(metadata);
        } else if (requireMetadata) {
            throw new FileNotFoundException("metadata file " + metadata + " is missing; it records the upstream "
                    + "replicate count: rerun the upstream experiment, or read without requiring metadata");
        } else {
            this.replicates = OptionalInt.empty();
        }
    }

    private static void checkName(String kind, String name) {
        String problem = Names.problem(kind, name);
        if (problem != null) {
            throw new ConfigurationException("artifact data source: " + problem
                    + "; artifacts are read only from inside the upstream experiment's results");
        }
    }

    private OptionalInt replicateCount(Path metadata) throws IOException {
        JsonNode count;
        try {
            count = Json.MAPPER.readTree(Confined.read(version, metadata, Confined.JSON_LIMIT)).get("replicates");
        } catch (RuntimeException e) {
            throw VersionReader.damaged(metadata, version, e);
        }
        return count != null && count.isInt() && count.asInt() > 0 ? OptionalInt.of(count.asInt()) : OptionalInt.empty();
    }

    /**
     * What the upstream data is: for each upstream condition, the version whose runs made it (a
     * version that reused runs names the one that ran them), so a rerun that reused everything
     * keeps the identity and a rerun that ran anything changes it. A version without that record
     * is known by a digest of its metadata (which holds its start and end times).
     */
    @Override
    public String inputIdentity() {
        String identity = experimentDir.getFileName() + "/" + version.getFileName();
        try {
            byte[] bytes = Confined.read(version, version.resolve(Layout.METADATA), Confined.JSON_LIMIT);
            JsonNode metadata = Json.MAPPER.readTree(bytes);
            JsonNode conditions = metadata.get("conditions");
            if (metadata.get("fingerprints") != null && conditions != null && conditions.isArray()) {
                StringBuilder origins = new StringBuilder(experimentDir.getFileName().toString());
                JsonNode reused = metadata.get("reused");
                for (JsonNode condition : conditions) {
                    String name = condition.asString();
                    JsonNode origin = reused == null ? null : reused.get(name);
                    origins.append(' ').append(name).append('@')
                            .append(origin == null ? version.getFileName().toString() : origin.asString());
                }
                return origins.toString();
            }
            return identity + " " + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | java.security.NoSuchAlgorithmException | RuntimeException e) {
            return identity + " unreadable " + System.nanoTime(); // never equal to anything: nothing is reused
        }
    }

    /** The version directory this source reads. */
    Path version() {
        return version;
    }

    @Override
    public OptionalInt replicates() {
        return replicates;
    }

    @Override
    public Path fetch(Context context) throws IOException {
        if (replicates.isPresent() && context.replicate() >= replicates.getAsInt()) {
            throw new ConfigurationException("replicate " + context.replicate() + " asked of artifact source "
                    + experimentDir.getFileName() + "/" + step + "/" + artifact + ", which has only "
                    + replicates.getAsInt() + " replicates: run at most that many");
        }
        String wanted = condition != null ? condition : context.condition();
        Path path = path(context.replicate(), wanted);
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return inside(path);
        }
        if (!Names.BASELINE.equals(wanted)) {
            Path fallback = path(context.replicate(), Names.BASELINE);
            if (Files.exists(fallback, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (warned.add(wanted)) {
                    LOG.log(Level.WARNING, "artifact " + path + " does not exist; using the baseline's " + fallback);
                }
                return inside(fallback);
            }
        }
        throw new FileNotFoundException("artifact not found: " + path + " (step '" + step + "', artifact '" + artifact
                + "', condition '" + wanted + "'); check that the upstream step writes it");
    }

    /** {@code path} itself, once it is known to be a regular file that lies (links followed) in the version. */
    private Path inside(Path path) throws IOException {
        Confined.regularFileInside(version, path);
        return path;
    }

    private Path path(int replicate, String cond) {
        return version.resolve("replicate_" + replicate).resolve(cond).resolve(step).resolve(artifact);
    }
}
