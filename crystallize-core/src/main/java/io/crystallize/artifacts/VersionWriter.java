package io.crystallize.artifacts;

import io.crystallize.core.Execution;
import io.crystallize.internal.json.Json;
import io.crystallize.internal.json.JsonOut;
import io.crystallize.core.Result;
import io.crystallize.core.Treatment;
import io.crystallize.core.SeedPlugin;
import io.crystallize.core.Experiment;
import io.crystallize.core.FinishedRun;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes one execution's version directory. */
final class VersionWriter {

    private final Path directory;
    private final long version;
    private final Execution execution;
    private final VersionLock lock;
    private final Map<String, String> manifest = new ConcurrentHashMap<>();
    /** The runs kept for the interrupted execution this one continues; empty for a new version. */
    private final List<FinishedRun> resumed;
    /** Where finished runs are kept, from the first one on; {@code null} before it. */
    private volatile RunJournal journal;
    private RunJournal.Contents journalContents;
    /** Continues an interrupted execution's version, whose journal is on disk from the start. */
    private final boolean resumedVersion;
    /** The journal could not be written, or the version is being finished: no run is kept any more. */
    private boolean journalFailed;
    /** Finished complete with no artifact file: retention has nothing to strip in it. */
    private volatile boolean bare;
    /** An artifact file was (or was about to be) written, carried or kept from the interrupted execution. */
    private volatile boolean artifactFiles;

    private VersionWriter(Path directory, long version, Execution execution, VersionLock lock) {
        this(directory, version, execution, lock, null);
    }

    private VersionWriter(Path directory, long version, Execution execution, VersionLock lock,
            RunJournal.Contents kept) {
        this.directory = directory;
        this.version = version;
        this.execution = execution;
        this.lock = lock;
        this.journalContents = kept;
        this.resumedVersion = kept != null;
        this.resumed = kept == null ? List.of() : kept.runs();
        for (FinishedRun run : resumed) {
            for (Path artifact : run.artifacts()) {
                noteArtifact(artifact);
            }
        }
    }

    /**
     * Continues version {@code version} in {@code directory}, whose lock this JVM took over:
     * the runs its journal kept are taken as done and later runs are appended to it. A stopped
     * execution's marker goes first, so that the version reads as being written, not as stopped.
     */
    static VersionWriter resume(Path directory, long version, Execution execution, VersionLock lock,
            RunJournal.Contents kept) throws IOException {
        Files.deleteIfExists(directory.resolve(Layout.CANCELLED));
        return new VersionWriter(directory, version, execution, lock, kept);
    }

    /** The runs this version kept before this execution, which are not run again. */
    List<FinishedRun> resumed() {
        return resumed;
    }

    /** Keeps a run that finished; a journal that cannot be written is reported once and given up. */
    void keep(FinishedRun run) {
        RunJournal open = journal;
        try {
            if (open == null && (open = openJournal()) == null) {
                return;
            }
            open.append(run);
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    /** The journal, made on the first finished run; {@code null} once it failed. */
    private synchronized RunJournal openJournal() throws IOException {
        if (journal == null && !journalFailed) {
            int runs = execution.replicates() * execution.conditions().size();
            journal = journalContents != null ? RunJournal.reopen(directory, journalContents, runs - resumed.size())
                    : RunJournal.create(directory, execution.identity(), execution.conditions(), runs);
            journalContents = null;
        }
        return journal;
    }

    private synchronized void failed(Exception e) {
        if (!journalFailed) {
            journalFailed = true;
            if (journal != null) {
                journal.close(); // later appends return at once
            }
            System.getLogger("io.crystallize.artifacts").log(System.Logger.Level.WARNING, "runs of '"
                    + execution.experiment().name() + "' are no longer kept in " + directory.resolve(RunJournal.FILE)
                    + " as they finish (" + e + "); a killed execution cannot be resumed from them");
        }
    }

    private void noteArtifact(Path artifact) {
        artifactFiles = true;
        Path step = artifact.getParent();
        if (step != null && step.getFileName() != null) {
            manifest.putIfAbsent(artifact.getFileName().toString(), step.getFileName().toString());
        }
    }

    /**
     * Claims the next free version: directory creation is atomic, so a lost race moves on to the
     * next number. The claim holds the version's lock until {@link #release()}. This JVM
     * remembers, per experiment directory, who writes there and the version after its last
     * claim, so only its first claim lists the directory, reads metadata and cleans up after
     * writers that are gone.
     */
    static VersionWriter claim(Path experimentDir, Execution execution) throws IOException {
        Experiment experiment = execution.experiment();
        Path key = experimentDir.toAbsolutePath().normalize();
        Claimed last = CLAIMED.get(key);
        long next;
        if (last == null) {
            next = firstClaim(experimentDir, experiment);
        } else {
            // its files may still be on their way to disk: the owner is known from the claim
            Layout.requireSameOwner(experimentDir, experiment, last.owner());
            next = last.version() + 1;
        }
        while (true) {
            Path candidate = Layout.versionDir(experimentDir, next);
            VersionLock lock = VersionLock.announce(candidate);
            try {
                Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                lock.withdraw();
                next++;
                continue;
            } catch (NoSuchFileException e) {
                lock.withdraw();
                next = firstClaim(experimentDir, experiment); // deleted since this JVM's last claim
                continue;
            }
            try {
                lock.hold();
            } catch (IOException | RuntimeException e) {
                lock.release();
                Files.deleteIfExists(candidate);
                throw e;
            }
            CLAIMED.put(key, new Claimed(experiment.id(), next));
            return new VersionWriter(candidate, next, execution, lock);
        }
    }

    /** One listing: a directory made just now has no version to look at. */
    private static long firstClaim(Path experimentDir, Experiment experiment) throws IOException {
        if (Layout.createExperimentDirectory(experimentDir)) {
            return 0;
        }
        List<Long> versions = Layout.versions(experimentDir);
        long next = Layout.firstFreeVersion(experimentDir, experiment, versions);
        Leftovers.clean(experimentDir, versions);
        return next;
    }

    private record Claimed(String owner, long version) {
    }

    /** Experiment directory (absolute) → the experiment that last claimed a version there in this JVM, and which. */
    private static final Map<Path, Claimed> CLAIMED = new ConcurrentHashMap<>();

    Path directory() {
        return directory;
    }

    long version() {
        return version;
    }

    /** The version is no longer being written: readers, retention and cleanup may treat it as finished or dead. */
    void release() {
        closeJournal();
        lock.release();
    }

    private synchronized void closeJournal() {
        journalFailed = true;
        if (journal != null) {
            journal.close();
        }
    }

    Path writeArtifact(int replicate, String condition, String step, String name, byte[] content) throws IOException {
        Path target = directory.resolve("replicate_" + replicate).resolve(condition).resolve(step).resolve(name);
        artifactFiles = true;
        Layout.writeAtomically(target, content);
        manifest.putIfAbsent(name, step);
        return target;
    }

    /**
     * Links (or, across file systems, copies) an earlier version's artifact file into this version
     * at the same place relative to the version directory, and lists it in the manifest.
     *
     * @param relative {@code replicate_<r>/<condition>/<step>/<name>}
     */
    Path carryArtifact(Path earlierVersion, Path relative) throws IOException {
        Path target = directory.resolve(relative);
        artifactFiles = true;
        java.nio.file.Files.createDirectories(target.getParent());
        java.nio.file.Files.deleteIfExists(target);
        try {
            java.nio.file.Files.createLink(target, earlierVersion.resolve(relative));
        } catch (IOException | UnsupportedOperationException e) {
            java.nio.file.Files.copy(earlierVersion.resolve(relative), target);
        }
        manifest.putIfAbsent(relative.getFileName().toString(), relative.getParent().getFileName().toString());
        return target;
    }

    /**
     * Writes metadata, manifest and every condition's results, then marks each condition complete,
     * unless the execution was cancelled.
     */
    void finish(Result result) throws IOException {
        boolean cancelled = execution.isCancelled(); // once: metadata and markers must agree
        Layout.writeJson(directory.resolve(Layout.METADATA), metadata(result, cancelled));
        Layout.writeJson(directory.resolve(Layout.MANIFEST), new java.util.TreeMap<>(manifest));
        for (String condition : result.conditions()) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            Map<String, Object> replicates = new LinkedHashMap<>();
            result.metrics().getOrDefault(condition, Map.of()).forEach((name, series) -> {
                metrics.put(name, series.values());
                if (!series.isDense()) {
                    replicates.put(name, series.replicates()); // absent: value i is replicate i
                }
            });
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("metrics", metrics);
            document.put("replicates", replicates);
            document.put("errors", result.errors().keySet().stream()
                    .filter(k -> result.errors().get(k).condition().equals(condition)).toList());
            Path conditionDir = directory.resolve(condition);
            Layout.createDirectory(conditionDir);
            Layout.writeCompactJson(conditionDir.resolve(Layout.RESULTS), document);
        }
        // everything but the metric values, which the conditions' results.json hold (written once)
        Layout.writeAtomically(directory.resolve(Layout.RESULT),
                result.toJsonWithoutMetrics().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (cancelled) {
            // runs are missing: readers must not take this version for a complete one; the journal
            // stays, so that a resumed execution can continue this version
            closeJournal();
            Layout.mark(directory.resolve(Layout.CANCELLED));
            return;
        }
        for (String condition : result.conditions()) {
            Layout.mark(directory.resolve(condition).resolve(Layout.COMPLETE));
        }
        deleteJournal();
        bare = !artifactFiles;
    }

    /** True once {@link #finish} marked this version complete and it holds no artifact file. */
    boolean finishedWithoutArtifacts() {
        return bare;
    }

    private synchronized void deleteJournal() throws IOException {
        journalFailed = true; // a late hand-over (the timer's) must not make a new journal in a complete version
        if (journal != null) {
            journal.delete();
        } else if (resumedVersion) {
            Files.deleteIfExists(directory.resolve(RunJournal.FILE)); // a resumed version's, with nothing added
        }
    }

    private Map<String, Object> metadata(Result result, boolean cancelled) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replicates", result.replicates());
        m.put("id", execution.experiment().id());
        m.put("name", execution.experiment().name());
        m.put("format_version", Result.FORMAT_VERSION);
        m.put("version", version);
        if (cancelled) {
            m.put("cancelled", true);
        }
        m.put("seed", result.masterSeed());
        // per-replicate seeds follow from the master seed (and are listed in result.json): metadata
        // stays small, since every execution reads the newest version's metadata
        m.put("replicate_seed", "floorMod(seed + replicate * 31337, 2^32)");
        execution.experiment().getPlugin(SeedPlugin.class).filter(seeds -> !seeds.sharedAcrossConditions())
                .ifPresent(seeds -> m.put("condition_seeds", conditionSeeds(seeds, result)));
        m.put("conditions", result.conditions());
        m.put("parameters", writable(execution.conditionParameters()));
        m.put("treatments", execution.treatments().stream().map(Treatment::name).toList());
        m.put("started", String.valueOf(result.started()));
        m.put("finished", String.valueOf(result.finished()));
        m.put("failed_runs", result.errors().size());
        if (execution.identity() != null) {
            m.put("run_identity", execution.identity().fields());
        }
        if (!resumed.isEmpty()) {
            m.put("resumed_runs", resumed.size());
        }
        m.put("environment", Environment.describe());
        if (!execution.fingerprints().isEmpty()) {
            m.put("fingerprints", execution.fingerprints());
        }
        if (!result.reused().isEmpty()) {
            m.put("reused", result.reused()); // condition -> the version whose runs it took
        }
        return m;
    }

    /** The seed of every run when conditions do not share a replicate's seed: condition → seeds by replicate. */
    private static Map<String, List<Long>> conditionSeeds(SeedPlugin seeds, Result result) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (String condition : result.conditions()) {
            List<Long> list = new ArrayList<>(result.replicates());
            for (int r = 0; r < result.replicates(); r++) {
                list.add(seeds.replicateSeed(r, condition));
            }
            out.put(condition, list);
        }
        return out;
    }

    /** Parameter values as JSON trees; a value Jackson cannot write becomes its text, so metadata is always written. */
    private static Map<String, Map<String, Object>> writable(Map<String, Map<String, Object>> parameters) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        parameters.forEach((condition, values) -> {
            Map<String, Object> converted = new LinkedHashMap<>();
            values.forEach((name, value) -> {
                if (JsonOut.isPlain(value)) {
                    converted.put(name, value);
                    return;
                }
                try {
                    converted.put(name, Json.MAPPER.valueToTree(value));
                } catch (RuntimeException e) {
                    converted.put(name, String.valueOf(value));
                }
            });
            out.put(condition, converted);
        });
        return out;
    }

}
