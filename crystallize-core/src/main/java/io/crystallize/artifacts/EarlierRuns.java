package io.crystallize.artifacts;

import io.crystallize.core.Execution;
import io.crystallize.core.ExecutionOptions;
import io.crystallize.core.Result;
import io.crystallize.core.RunIdentity;
import io.crystallize.fingerprint.RunFingerprints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before an execution's runs: fingerprints its conditions (recorded in its metadata and joined to
 * its run identity, also for a timing experiment, whose runs are not reused) and, when its
 * options allow reuse, looks through the newest complete earlier versions for conditions with the
 * same fingerprint, whose runs then stand in for the execution's. Their artifact files are linked
 * (or copied) into the new version, which lists them; a condition whose files are gone (retention
 * strips large files from old versions) is run again. Whatever goes wrong
 * while fingerprinting or reading an earlier version means only that nothing is reused.
 */
final class EarlierRuns {

    /** How many earlier versions are looked at, newest first. */
    static final int VERSIONS_LOOKED_AT = 20;

    private static final System.Logger LOG = System.getLogger("io.crystallize.artifacts");

    private EarlierRuns() {
    }

    /**
     * Fingerprints what the execution's runs execute and records it: the fingerprints join its run
     * identity, so a resume never continues runs of other code, and a later execution may reuse
     * these runs. {@code null} when the code could not be fingerprinted.
     */
    static RunFingerprints fingerprint(Execution execution) {
        RunFingerprints fingerprints;
        try {
            fingerprints = RunFingerprints.of(execution);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "could not fingerprint the code of '" + execution.experiment().name()
                    + "', so none of its runs are reused or resumed: " + e);
            return null;
        }
        execution.recordFingerprints(fingerprints.toMetadata());
        fingerprints.conditions().forEach((condition, print) ->
                execution.identifyBy(RunIdentity.FINGERPRINT_PREFIX + condition, print));
        return fingerprints;
    }

    /** Takes runs from complete earlier versions whose condition fingerprints equal these, as the policy allows. */
    static void reuse(Execution execution, RunFingerprints fingerprints, Path experimentDir, VersionWriter own) {
        long ownVersion = own.version();
        ExecutionOptions options = execution.experiment().options();
        if (fingerprints == null || ownVersion == 0 || !options.reuse().allows(options)) { // 0: nothing earlier
            return;
        }
        Map<String, String> wanted = new LinkedHashMap<>(fingerprints.conditions());
        try {
            List<Long> versions = Layout.versions(experimentDir);
            int looked = 0;
            for (int i = versions.size() - 1; i >= 0 && !wanted.isEmpty() && looked < VERSIONS_LOOKED_AT; i--) {
                long version = versions.get(i);
                if (version >= ownVersion) {
                    continue;
                }
                looked++;
                reuseFrom(execution, Layout.versionDir(experimentDir, version), wanted, own);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not look for reusable runs of '"
                    + execution.experiment().name() + "' under " + experimentDir + ": " + e);
        }
    }

    private static void reuseFrom(Execution execution, Path versionDir, Map<String, String> wanted, VersionWriter own) {
        try {
            if (!VersionReader.isComplete(versionDir)) {
                return;
            }
            Map<String, Object> metadata = ArtifactPlugin.readMetadata(versionDir);
            if (!(metadata.get("fingerprints") instanceof Map<?, ?> prints)
                    || !(prints.get("conditions") instanceof Map<?, ?> conditions)) {
                return;
            }
            Map<?, ?> reusedThere = metadata.get("reused") instanceof Map<?, ?> m ? m : Map.of();
            Result earlier = null;
            for (Map.Entry<String, String> condition : List.copyOf(wanted.entrySet())) {
                String name = condition.getKey();
                if (!condition.getValue().equals(conditions.get(name))) {
                    continue;
                }
                if (earlier == null) {
                    earlier = VersionReader.readResult(versionDir);
                }
                Map<String, String> carried = carryArtifacts(versionDir, earlier.artifacts().getOrDefault(name, List.of()),
                        own);
                if (carried == null) {
                    continue; // files retention removed, or paths outside the layout: run it again
                }
                // name the version that ran them, also when that version took them from an earlier one
                Object origin = reusedThere.get(name);
                String source = origin instanceof String s ? s : versionDir.getFileName().toString();
                execution.reuse(name, earlier, source, path -> carried.getOrDefault(path, path));
                wanted.remove(name);
            }
        } catch (IOException | RuntimeException e) {
            // a damaged or vanishing version has nothing to give; the runs are run
        }
    }

    /**
     * Links a condition's artifact files into the new version; old path → new path, or
     * {@code null} when some file is missing (then nothing is linked).
     */
    private static Map<String, String> carryArtifacts(Path versionDir, List<String> paths, VersionWriter own)
            throws IOException {
        Map<Path, String> relative = new LinkedHashMap<>();
        for (String path : paths) {
            Path p = Path.of(path);
            int n = p.getNameCount();
            if (n < 4 || !p.getName(n - 4).toString().startsWith("replicate_")) {
                return null;
            }
            Path inside = p.subpath(n - 4, n);
            if (!java.nio.file.Files.isRegularFile(versionDir.resolve(inside),
                    java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            relative.put(inside, path);
        }
        Map<String, String> carried = new LinkedHashMap<>();
        for (Map.Entry<Path, String> file : relative.entrySet()) {
            carried.put(file.getValue(), own.carryArtifact(versionDir, file.getKey()).toString());
        }
        return carried;
    }
}
