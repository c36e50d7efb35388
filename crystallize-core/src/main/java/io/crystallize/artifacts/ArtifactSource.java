package io.crystallize.artifacts;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.base.Names;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Reads one artifact per replicate from an experiment's latest complete version. */
final class ArtifactSource implements DataSource<Path> {

    private static final System.Logger LOG = System.getLogger("io.crystallize.artifacts");

    private final Path experimentDir;
    private final String step;
    private final String artifact;
    private final String condition;
    private final Path version;
    private final OptionalInt replicates;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    ArtifactSource(Path experimentDir, String step, String artifact, String condition, boolean requireMetadata)
            throws IOException {
        this.experimentDir = experimentDir;
        this.step = step;
        this.artifact = artifact;
        this.condition = condition;
        this.version = latestComplete(experimentDir);
        Path metadata = version.resolve(Layout.METADATA);
        if (Files.exists(metadata)) {
            Map<String, Object> values = Layout.readMap(metadata);
            Object count = values.get("replicates");
            this.replicates = count instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
        } else if (requireMetadata) {
            throw new FileNotFoundException("metadata file " + metadata + " is missing; it records the upstream "
                    + "replicate count: rerun the upstream experiment, or read without requiring metadata");
        } else {
            this.replicates = OptionalInt.empty();
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
        if (Files.exists(path)) {
            return path;
        }
        if (!Names.BASELINE.equals(wanted)) {
            Path fallback = path(context.replicate(), Names.BASELINE);
            if (Files.exists(fallback)) {
                if (warned.add(wanted)) {
                    LOG.log(Level.WARNING, "artifact " + path + " does not exist; using the baseline's " + fallback);
                }
                return fallback;
            }
        }
        throw new FileNotFoundException("artifact not found: " + path + " (step '" + step + "', artifact '" + artifact
                + "', condition '" + wanted + "'); check that the upstream step writes it");
    }

    private Path path(int replicate, String cond) {
        return version.resolve("replicate_" + replicate).resolve(cond).resolve(step).resolve(artifact);
    }

    /** The newest version in which every condition directory is marked complete. */
    static Path latestComplete(Path experimentDir) throws IOException {
        return findLatestComplete(experimentDir).orElseThrow(() -> new FileNotFoundException("no complete results of experiment '" + experimentDir.getFileName() + "' under "
                + experimentDir.getParent() + ": run that experiment first"));
    }

    /** The newest version in which every condition directory is marked complete, if any. */
    static java.util.Optional<Path> findLatestComplete(Path experimentDir) throws IOException {
        if (!Files.isDirectory(experimentDir)) {
            return java.util.Optional.empty();
        }
        List<Integer> versions = Layout.versions(experimentDir);
        for (int i = versions.size() - 1; i >= 0; i--) {
            Path dir = Layout.versionDir(experimentDir, versions.get(i));
            if (complete(dir)) {
                return java.util.Optional.of(dir);
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean complete(Path versionDir) throws IOException {
        boolean any = false;
        try (var children = Files.list(versionDir)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith("replicate_")) {
                    continue;
                }
                if (!Files.exists(child.resolve(Layout.COMPLETE))) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
