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
 * same fingerprint, whose runs then stand in for the execution's. A condition whose earlier runs
 * wrote artifacts is run again (its files stay with the earlier version). Whatever goes wrong
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
                    + "', so none of its runs are reused: " + e);
            return null;
        }
        execution.recordFingerprints(fingerprints.toMetadata());
        fingerprints.conditions().forEach((condition, print) -> execution.identifyBy(RunIdentity.FINGERPRINT_PREFIX + condition, print));
        return fingerprints;
    }

    /** Takes runs from complete earlier versions whose condition fingerprints equal these, as the policy allows. */
    static void reuse(Execution execution, RunFingerprints fingerprints, Path experimentDir, long ownVersion) {
        ExecutionOptions options = execution.experiment().options();
        if (fingerprints == null || !options.reuse().allows(options)) {
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
                reuseFrom(execution, Layout.versionDir(experimentDir, version), wanted);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not look for reusable runs of '"
                    + execution.experiment().name() + "' under " + experimentDir + ": " + e);
        }
    }

    private static void reuseFrom(Execution execution, Path versionDir, Map<String, String> wanted) {
        try {
            if (!VersionReader.isComplete(versionDir)) {
                return;
            }
            Object stored = ArtifactPlugin.readMetadata(versionDir).get("fingerprints");
            if (!(stored instanceof Map<?, ?> prints) || !(prints.get("conditions") instanceof Map<?, ?> conditions)) {
                return;
            }
            Result earlier = null;
            for (Map.Entry<String, String> condition : List.copyOf(wanted.entrySet())) {
                if (!condition.getValue().equals(conditions.get(condition.getKey()))) {
                    continue;
                }
                if (earlier == null) {
                    earlier = VersionReader.readResult(versionDir);
                }
                if (!earlier.artifacts().getOrDefault(condition.getKey(), List.of()).isEmpty()) {
                    continue;
                }
                execution.reuse(condition.getKey(), earlier, versionDir.getFileName().toString());
                wanted.remove(condition.getKey());
            }
        } catch (IOException | RuntimeException e) {
            // a damaged or vanishing version has nothing to give; the runs are run
        }
    }
}
