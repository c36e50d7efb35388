package io.crystallize.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The floor under the engine: Jupiter tests that also write, as each finishes, one version of the
 * results layout for it by hand (a version directory, metadata, manifest, result and per
 * condition its directory, results and completion marker, of about the sizes the engine writes,
 * each file written atomically by a temporary file and a rename), with no framework: no claim, no
 * lock, no fingerprint, no JSON, no statistics beyond the test's own. On the test's thread, or
 * handed to one second thread that the run waits for at its end, as the engine hands its results
 * to its writer.
 *
 * <p>Registered on a launch by hand ({@link #onTestThread}, {@link #onSecondThread}), or by the
 * launcher's service loader in a fresh JVM when {@code crystallize.bench.layout.root} names the
 * results root ({@code crystallize.bench.layout.thread=second} for a second thread); without that
 * property the service-loaded instance does nothing.
 */
public final class LayoutWritingListener implements TestExecutionListener {

    private final Path root;
    private final ExecutorService writer;
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private volatile Future<?> last;
    private volatile RuntimeException failure;

    /** For the launcher's service loader: configured by system properties, idle without them. */
    public LayoutWritingListener() {
        this(rootProperty(), "second".equals(System.getProperty("crystallize.bench.layout.thread")));
    }

    private LayoutWritingListener(Path root, boolean secondThread) {
        this.root = root;
        this.writer = root != null && secondThread ? Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "layout-writer");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    static LayoutWritingListener onTestThread(Path root) {
        return new LayoutWritingListener(root, false);
    }

    static LayoutWritingListener onSecondThread(Path root) {
        return new LayoutWritingListener(root, true);
    }

    private static Path rootProperty() {
        String root = System.getProperty("crystallize.bench.layout.root");
        return root == null ? null : Path.of(root);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (root == null || !test.isTest() || !(test.getSource().orElse(null) instanceof MethodSource method)) {
            return;
        }
        String experiment = method.getClassName().substring(method.getClassName().lastIndexOf('.') + 1);
        int version = versions.merge(experiment, 1, Integer::sum) - 1;
        if (writer == null) {
            writeVersion(root, experiment, version);
        } else {
            last = writer.submit(() -> {
                try {
                    writeVersion(root, experiment, version);
                } catch (RuntimeException e) {
                    failure = e;
                }
            });
        }
    }

    /** Waits for the second thread's writes, as the engine waits for its writer. */
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        Future<?> pending = last;
        try {
            if (pending != null) {
                pending.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the layout was not written", e.getCause());
        }
        if (failure != null) {
            throw new IllegalStateException("the layout was not written", failure);
        }
    }

    /** Stops the second thread, if any. */
    void close() {
        if (writer != null) {
            writer.shutdown();
        }
    }

    /** One version of the layout for {@code experiment} under {@code root}; the version directory. */
    static Path writeVersion(Path root, String experiment, int version) {
        try {
            Path experimentDir = Files.createDirectories(root.resolve(experiment));
            Path versionDir = Files.createDirectory(experimentDir.resolve("v" + version));
            writeAtomically(versionDir.resolve("metadata.json"), 1500);
            writeAtomically(versionDir.resolve("_manifest.json"), 2);
            for (String condition : List.of("baseline", "shifted")) {
                Path conditionDir = Files.createDirectory(versionDir.resolve(condition));
                writeAtomically(conditionDir.resolve("results.json"), 250);
                Files.write(conditionDir.resolve(".crystallize_complete"), new byte[0]);
            }
            writeAtomically(versionDir.resolve("result.json"), 3500);
            return versionDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path target, int bytes) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(temp, new byte[bytes]);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
