package io.crystallize.artifacts;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.ArtifactStore;
import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.core.DurableRuns;
import io.crystallize.core.Execution;
import io.crystallize.core.FinishedRun;
import io.crystallize.core.Plugin;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import io.crystallize.fingerprint.RunFingerprints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores artifacts and results on disk, in the layout the Python library crystallize reads too:
 * <pre>
 * &lt;root&gt;/&lt;experiment&gt;/v&lt;version&gt;/
 *     metadata.json, _manifest.json
 *     &lt;condition&gt;/results.json, &lt;condition&gt;/.crystallize_complete
 *     replicate_&lt;r&gt;/&lt;condition&gt;/&lt;step&gt;/&lt;artifact&gt;
 * </pre>
 * Every file is written atomically (temporary file, then rename); each execution claims a new
 * version directory atomically, so concurrent executions (also in other JVMs) never share one; a
 * condition is marked complete only after its results are written, so a crashed execution never
 * leaves one marked. Retention keeps the newest versions whole and strips large artifact files
 * from older ones, keeping their {@code results.json} and {@code metadata.json}.
 *
 * <p>An execution holds a lock on its version directory while it writes there, so other
 * executions, in this JVM or another, know it is alive: retention passes over it, and cleanup
 * (temporary files and empty version directories that writers which are gone left behind, removed
 * from the newest 20 versions when a JVM first claims a version of the experiment) never touches
 * it. A process that dies releases its locks. An execution that fails before its results are written (a plugin's
 * {@code beforeRun} or the execution strategy throws) keeps its claim until this plugin's next
 * execution on the same thread, or until its JVM ends.
 *
 * <p>Each run is kept as it finishes, in a journal in the version directory (an append-only file
 * written through a memory mapping: a killed process loses only the runs it was running, and,
 * in an execution's first 200 ms, the runs before, which are kept together at 200 ms). The
 * journal is removed when the version is complete, and kept when the execution stopped or died, so
 * that an execution asked to {@linkplain io.crystallize.core.RunRequest#withResume resume} can
 * continue that version in place: it takes the kept runs, runs the missing ones and completes the
 * version, whose files are then those an uninterrupted execution would have written. Only the
 * newest version is continued, and only when it was started with an equal
 * {@link io.crystallize.core.RunIdentity}; otherwise a new version is started and the log says why.
 *
 * <p>Reading never leaves the results directory: names are checked, links that lead out are
 * refused, only regular files are read, and JSON files of at most 256 MiB.
 *
 * <p>One execution at a time per plugin instance. {@code apply(...)} passes are not stored.
 */
public final class ArtifactPlugin implements Plugin, ArtifactStore, DurableRuns {

    /** The default root, under the build directory. */
    public static final Path DEFAULT_ROOT = Path.of("target", "crystallize");

    private final Path root;
    private final Retention retention;
    private final ResultWriter background;
    private volatile VersionWriter current;
    /** The writer of the execution in progress; {@code null} during an {@code apply(...)} pass, which stores nothing. */
    private volatile VersionWriter active;
    /** Per thread that started an execution, its writer until afterRun: one left there was abandoned. */
    private final Map<Thread, VersionWriter> unfinished = new ConcurrentHashMap<>();

    public ArtifactPlugin() {
        this(DEFAULT_ROOT);
    }

    public ArtifactPlugin(Path root) {
        this(root, Retention.defaults());
    }

    public ArtifactPlugin(Path root, Retention retention) {
        this(root, retention, null);
    }

    /**
     * Stores each execution's results through {@code background}, which writes them while the
     * caller goes on; {@code run(...)} then returns before the files exist, until
     * {@link ResultWriter#await()}. Artifacts that steps write are stored during the runs, as always.
     *
     * @param background the writer, or {@code null} to write before {@code run(...)} returns
     */
    public ArtifactPlugin(Path root, Retention retention, ResultWriter background) {
        this.root = root;
        this.retention = retention;
        this.background = background;
    }

    public Path root() {
        return root;
    }

    public Retention retention() {
        return retention;
    }

    /** The version directory of the running or last execution; {@code null} before the first. */
    public Path versionDirectory() {
        VersionWriter writer = current;
        return writer == null ? null : writer.directory();
    }

    @Override
    public void beforeRun(Execution execution) throws IOException {
        active = null;
        if (execution.isSinglePass()) {
            return;
        }
        VersionWriter stale = unfinished.remove(Thread.currentThread());
        if (stale != null) {
            // this thread's last execution never reached afterRun (a hook or the strategy failed): it is over
            abandon(stale);
        }
        Path experimentDir = root.resolve(execution.experiment().name());
        RunFingerprints fingerprints = EarlierRuns.fingerprint(execution);
        VersionWriter resumed = execution.resumeRequested() && execution.identity() != null
                ? Resumption.find(experimentDir, execution) : null;
        current = resumed != null ? resumed : VersionWriter.claim(experimentDir, execution);
        active = current;
        unfinished.put(Thread.currentThread(), current);
        EarlierRuns.reuse(execution, fingerprints, experimentDir, current);
    }

    private static void abandon(VersionWriter writer) {
        writer.release();
        try {
            Leftovers.cleanDead(writer.directory());
        } catch (IOException e) {
            // what stays is cleaned by a later JVM's first claim
        }
    }

    /** The runs the interrupted version this execution continues kept; empty when it started a new version. */
    @Override
    public List<FinishedRun> resumed(Execution execution) {
        VersionWriter writer = active;
        return writer == null ? List.of() : writer.resumed();
    }

    /** Appends the run to the version's journal, where a killed process does not lose it. */
    @Override
    public void finished(Execution execution, FinishedRun run) {
        VersionWriter writer = active;
        if (writer != null) {
            writer.keep(run);
        }
    }

    @Override
    public void afterStep(Step<?, ?> step, Object output, Context context) throws IOException {
        VersionWriter writer = active;
        if (writer == null || context.replicate() < 0 || !context.wroteArtifacts()) {
            return;
        }
        for (Map.Entry<String, byte[]> artifact : context.artifacts().written().entrySet()) {
            Path path = writer.writeArtifact(context.replicate(), context.condition(), step.name(),
                    artifact.getKey(), artifact.getValue());
            context.artifacts().stored(artifact.getKey(), path);
        }
    }

    @Override
    public void afterRun(Execution execution, Result result) throws IOException {
        VersionWriter writer = active;
        if (execution.isSinglePass() || writer == null) {
            return;
        }
        active = null;
        unfinished.remove(Thread.currentThread(), writer);
        Path experimentDir = root.resolve(execution.experiment().name());
        if (background == null) {
            store(writer, result, experimentDir);
        } else {
            background.submit("experiment '" + execution.experiment().name() + "' (" + writer.directory() + ")",
                    () -> store(writer, result, experimentDir));
        }
    }

    private void store(VersionWriter writer, Result result, Path experimentDir) throws IOException {
        try {
            writer.finish(result);
        } finally {
            writer.release();
        }
        retention.apply(experimentDir, writer.version(), writer.finishedWithoutArtifacts());
    }

    /** Reads from this plugin's root. */
    @Override
    public DataSource<Path> dataSource(String experimentName, String step, String artifact, String condition,
            boolean requireMetadata) {
        try {
            return new ArtifactSource(root, experimentName, step, artifact, condition, requireMetadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when experiment {@code experimentName} has a complete version under this plugin's root. */
    @Override
    public boolean hasCompleteResults(String experimentName) {
        try {
            return latestCompleteVersion(root, experimentName).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The newest version of experiment {@code experimentName} under {@code root} in which every
     * condition is marked complete, or empty when it has none (never run, or every execution
     * crashed, failed or was cancelled). Versions are compared as numbers.
     */
    public static Optional<Path> latestCompleteVersion(Path root, String experimentName) throws IOException {
        return VersionReader.latestComplete(Confined.child(root, "experiment", experimentName));
    }

    /**
     * What {@code versionDirectory} holds: complete results, a cancelled execution's partial ones,
     * an execution still writing (in any process), or what a failed or killed one left.
     */
    public static VersionStatus versionStatus(Path versionDirectory) throws IOException {
        return VersionReader.status(versionDirectory);
    }

    /**
     * The {@link Result} an execution stored in {@code versionDirectory}: {@code result.json} with
     * the metric values of every condition's {@code results.json}. Only files inside the
     * directory are read.
     *
     * @throws IncompleteVersionException when the version is not {@link VersionStatus#COMPLETE}
     * @throws IOException                naming a damaged file and what to do about it
     */
    public static Result readResult(Path versionDirectory) throws IOException {
        return VersionReader.readResult(versionDirectory);
    }

    /**
     * Like {@link #readResult}, but also reads a {@link VersionStatus#CANCELLED} version: the
     * partial result of an execution that was stopped (time limit, cancellation, interruption),
     * holding the runs that finished before it stopped.
     *
     * @throws IncompleteVersionException when the version is neither complete nor cancelled
     * @throws IOException                naming a damaged file and what to do about it
     */
    public static Result readPartialResult(Path versionDirectory) throws IOException {
        return VersionReader.readPartialResult(versionDirectory);
    }

    /**
     * The {@code metadata.json} of a version as JSON values (maps, lists, strings, numbers):
     * replicates, seed, conditions, parameters per condition, treatments, timestamps and the
     * environment (JDK, OS, CPUs, git commit when known, library versions).
     *
     * @throws java.io.FileNotFoundException when the version has no metadata (not finished writing)
     */
    public static Map<String, Object> readMetadata(Path versionDirectory) throws IOException {
        Path file = versionDirectory.resolve(Layout.METADATA);
        if (!java.nio.file.Files.exists(file)) {
            throw new java.io.FileNotFoundException(file + " does not exist: the execution did not finish writing "
                    + "its results");
        }
        byte[] json = Confined.read(versionDirectory, file, Confined.JSON_LIMIT);
        return io.crystallize.internal.json.JsonIn.readObject(json);
    }

    /**
     * Every condition's metric values stored in a version (condition → metric → values with
     * replicate indices), read from the conditions' {@code results.json} alone: cheaper than
     * {@link #readResult}, which also reads verdicts, failures and provenance.
     *
     * @throws java.io.FileNotFoundException when the version lacks its metadata or a condition's results
     */
    public static Map<String, Map<String, io.crystallize.base.MetricSeries>> readMetrics(Path versionDirectory)
            throws IOException {
        Object conditions = readMetadata(versionDirectory).get("conditions");
        Map<String, Map<String, io.crystallize.base.MetricSeries>> metrics = new java.util.LinkedHashMap<>();
        if (conditions instanceof java.util.List<?> names) {
            for (Object condition : names) {
                // metadata names conditions, which must be names the layout allows: never a path
                Path file = Confined.child(versionDirectory, "condition", String.valueOf(condition))
                        .resolve(Layout.RESULTS);
                if (!java.nio.file.Files.exists(file)) {
                    throw new java.io.FileNotFoundException(file + " does not exist: the execution did not finish "
                            + "writing its results");
                }
                metrics.put(String.valueOf(condition), ResultsFile.read(versionDirectory, file));
            }
        }
        return metrics;
    }

    /** Fails with a clear message when {@code root} cannot hold results. */
    static void requireDirectory(Path dir) {
        if (dir.toFile().exists() && !dir.toFile().isDirectory()) {
            throw new ConfigurationException("artifact root " + dir + " is a file: point the artifact root at a directory");
        }
    }
}
