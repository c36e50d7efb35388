package io.crystallize.artifacts;

import io.crystallize.core.Execution;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an execution asked to resume continues the newest version of its experiment:
 * only when that version is not complete, no live writer holds it, and its journal was started
 * by an execution with an equal identity (seed, replicates, conditions, parameters). Otherwise
 * the execution starts a new version, and the log says why.
 */
final class Resumption {

    private static final System.Logger LOG = System.getLogger("io.crystallize.artifacts");

    private Resumption() {
    }

    /** A writer continuing the newest version, or {@code null} when the execution must start afresh. */
    static VersionWriter find(Path experimentDir, Execution execution) throws IOException {
        String name = execution.experiment().name();
        List<Long> versions = Layout.versions(experimentDir);
        if (versions.isEmpty()) {
            afresh(name, "it has no earlier version");
            return null;
        }
        long version = versions.get(versions.size() - 1);
        Path dir = Layout.versionDir(experimentDir, version);
        if (VersionReader.isComplete(dir)) {
            afresh(name, "its newest version v" + version + " is complete");
            return null;
        }
        Optional<String> refused = mismatch(dir, version, execution);
        if (refused.isPresent()) {
            afresh(name, refused.get());
            return null;
        }
        VersionLock lock = VersionLock.takeOver(dir);
        if (lock == null) {
            afresh(name, "its newest version v" + version + " is being written by another execution");
            return null;
        }
        try {
            // read again while holding the lock: nobody appends to it any more
            RunJournal.Contents kept = RunJournal.read(dir);
            refused = kept == null ? mismatch(dir, version, execution) : difference(kept, version, execution);
            if (refused.isPresent()) {
                lock.release();
                afresh(name, refused.get());
                return null;
            }
            int runs = execution.replicates() * execution.conditions().size();
            LOG.log(Level.INFO, () -> "resuming v" + version + " of '" + name + "': " + kept.runs().size() + " of "
                    + runs + " runs were kept, the others run now");
            return VersionWriter.resume(dir, version, execution, lock, kept);
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    private static Optional<String> mismatch(Path dir, long version, Execution execution) throws IOException {
        RunJournal.Contents kept = RunJournal.read(dir);
        if (kept == null) {
            return Optional.of("its newest version v" + version + " kept no runs to resume");
        }
        return difference(kept, version, execution);
    }

    private static Optional<String> difference(RunJournal.Contents kept, long version, Execution execution) {
        return execution.identity().differenceFrom(kept.identity()).map(why -> "its newest version v" + version
                + " was started for other runs (" + why + "), whose results must not be mixed with these");
    }

    private static void afresh(String experiment, String why) {
        LOG.log(Level.INFO, () -> "not resuming '" + experiment + "': " + why + "; starting a new version");
    }
}
