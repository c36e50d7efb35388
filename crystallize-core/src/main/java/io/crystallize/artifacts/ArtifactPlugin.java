package io.crystallize.artifacts;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.ArtifactStore;
import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.core.Execution;
import io.crystallize.core.Plugin;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Stores artifacts and results on disk (DESIGN §3.5):
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
 * <p>One execution at a time per plugin instance. {@code apply(...)} passes are not stored.
 */
public final class ArtifactPlugin implements Plugin, ArtifactStore {

    /** The default root, under the build directory. */
    public static final Path DEFAULT_ROOT = Path.of("target", "crystallize");

    private final Path root;
    private final Retention retention;
    private final ResultWriter background;
    private volatile VersionWriter current;
    /** The writer of the execution in progress; {@code null} during an {@code apply(...)} pass, which stores nothing. */
    private volatile VersionWriter active;

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
        current = VersionWriter.claim(root.resolve(execution.experiment().name()), execution);
        active = current;
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
        Path experimentDir = root.resolve(execution.experiment().name());
        if (background == null) {
            store(writer, result, experimentDir);
        } else {
            background.submit("experiment '" + execution.experiment().name() + "' (" + writer.directory() + ")",
                    () -> store(writer, result, experimentDir));
        }
    }

    private void store(VersionWriter writer, Result result, Path experimentDir) throws IOException {
        writer.finish(result);
        retention.apply(experimentDir, writer.version());
    }

    /** Reads from this plugin's root. */
    @Override
    public DataSource<Path> dataSource(String experimentName, String step, String artifact, String condition,
            boolean requireMetadata) {
        try {
            return new ArtifactSource(root.resolve(experimentName), step, artifact, condition, requireMetadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The newest version of experiment {@code experimentName} under {@code root} in which every
     * condition is marked complete, or empty when it has none (never run, or every execution
     * crashed or was cancelled).
     */
    public static java.util.Optional<Path> latestCompleteVersion(Path root, String experimentName) throws IOException {
        return ArtifactSource.findLatestComplete(root.resolve(experimentName));
    }

    /**
     * The {@link Result} an execution stored in {@code versionDirectory}: {@code result.json} with
     * the metric values of every condition's {@code results.json}.
     */
    public static Result readResult(Path versionDirectory) throws IOException {
        Path summary = versionDirectory.resolve(Layout.RESULT);
        if (!java.nio.file.Files.exists(summary)) {
            throw new java.io.FileNotFoundException(summary + " does not exist: the execution did not finish writing "
                    + "its results");
        }
        String json = java.nio.file.Files.readString(summary);
        Result shell = Result.fromJson(json);
        Map<String, Map<String, io.crystallize.base.MetricSeries>> metrics = new java.util.LinkedHashMap<>();
        for (String condition : shell.conditions()) {
            metrics.put(condition, ResultsFile.read(versionDirectory.resolve(condition).resolve(Layout.RESULTS)));
        }
        return Result.fromJson(json, metrics);
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
        return Layout.readMap(file);
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
                Path file = versionDirectory.resolve(String.valueOf(condition)).resolve(Layout.RESULTS);
                if (!java.nio.file.Files.exists(file)) {
                    throw new java.io.FileNotFoundException(file + " does not exist: the execution did not finish "
                            + "writing its results");
                }
                metrics.put(String.valueOf(condition), ResultsFile.read(file));
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
