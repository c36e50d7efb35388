package io.crystallize.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.crystallize.processor.ExperimentProcessor;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 5: discovering and executing 200 generated trivial experiments (one hypothesis, one
 * treatment, 10 replicates) through the JUnit launcher, against 200 Jupiter test classes each
 * doing the same 20 pipeline passes and one Welch test by hand. Both sets are generated as
 * sources and compiled (the experiments with the processor) when the benchmark starts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBenchmark {

    static final int CLASSES = 200;

    private Path sources;
    private Path classes;
    private boolean keepClasses;
    private Path results;
    private boolean keepResults;
    private Path memoryResults;
    private URLClassLoader loader;
    private List<DiscoverySelector> experiments;
    private List<DiscoverySelector> jupiterTests;
    private Launcher launcher;
    private LayoutWritingListener layoutOnTestThread;
    private LayoutWritingListener layoutOnSecondThread;

    /**
     * Compiles both sets, or with {@code -Dcrystallize.bench.classes=<dir>} takes them from
     * {@code <dir>} when an earlier trial of the same suite compiled them there (javac with the
     * processor takes about 20 s here, once per JMH fork otherwise).
     */
    @Setup(Level.Trial)
    public void compile() throws Exception {
        sources = Files.createTempDirectory("crystallize-engine-src");
        String shared = System.getProperty("crystallize.bench.classes");
        keepClasses = shared != null;
        classes = shared == null ? Files.createTempDirectory("crystallize-engine-classes")
                : Files.createDirectories(Path.of(shared));
        Path compiled = classes.resolve(".compiled");
        if (!Files.exists(compiled)) {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < CLASSES; i++) {
                files.add(write("Experiment" + i, experimentSource(i)));
                files.add(write("Jupiter" + i + "Test", jupiterSource(i)));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
                JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, null,
                        List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path")),
                        null, fileManager.getJavaFileObjectsFromPaths(files));
                task.setProcessors(List.of(new ExperimentProcessor()));
                if (!task.call()) {
                    throw new IllegalStateException("the generated benchmark classes did not compile");
                }
            }
            Files.createFile(compiled);
        }
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        experiments = new ArrayList<>();
        jupiterTests = new ArrayList<>();
        for (int i = 0; i < CLASSES; i++) {
            experiments.add(selectClass(loader.loadClass("bench.Experiment" + i)));
            jupiterTests.add(selectClass(loader.loadClass("bench.Jupiter" + i + "Test")));
        }
        launcher = LauncherFactory.create();
    }

    /**
     * One on-disk results root for the whole trial: results accumulate as new versions, as they do
     * under a build directory run after run. Deleting them is left to the end, and with {@code
     * -Dcrystallize.bench.results=<dir>} to whoever owns {@code <dir>} ({@code benchmarks/run.sh},
     * after every benchmark): on an ext4 without a journal (this VM's disk) the kernel allocates an
     * inode by scanning past the inodes of its group deleted in the last 60 s (360 s while their
     * table block is dirty), so deleting an iteration's hundred thousand files made each file the
     * next iteration created cost up to a millisecond of kernel time (perf: {@code
     * find_get_block_common} under {@code recently_deleted}), the harness's cost charged to
     * whichever benchmark ran next.
     */
    @Setup(Level.Trial)
    public void resultsRoot() throws IOException {
        String base = System.getProperty("crystallize.bench.results");
        keepResults = base != null;
        results = base == null ? Files.createTempDirectory("crystallize-engine-results")
                : Files.createTempDirectory(Files.createDirectories(Path.of(base)), "crystallize-engine-results");
    }

    /** The same run with results in memory (tmpfs): the framework's cost without the disk's. */
    @Setup(Level.Iteration)
    public void freshMemoryResults() throws IOException {
        Path shm = Path.of("/dev/shm");
        memoryResults = Files.isDirectory(shm) ? Files.createTempDirectory(shm, "crystallize-engine-results")
                : Files.createTempDirectory("crystallize-engine-results-no-tmpfs");
        layoutOnTestThread = LayoutWritingListener.onTestThread(memoryResults.resolve("by-hand"));
        layoutOnSecondThread = LayoutWritingListener.onSecondThread(memoryResults.resolve("by-hand-second-thread"));
    }

    @TearDown(Level.Iteration)
    public void deleteMemoryResults() throws IOException {
        layoutOnTestThread.close();
        layoutOnSecondThread.close();
        delete(memoryResults);
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException {
        loader.close();
        if (!keepResults) {
            delete(results);
        }
        delete(sources);
        if (!keepClasses) {
            delete(classes);
        }
    }

    /** The engine running the experiments, without the run's HTML report (Jupiter writes none). */
    @Benchmark
    public long crystallizeEngine() {
        return experimentsWritingTo(results, false);
    }

    @Benchmark
    public long crystallizeEngineResultsOnTmpfs() {
        return experimentsWritingTo(memoryResults, false);
    }

    /**
     * As configured by default: the engine also writes the run's report when it ends (200 pages,
     * each with the history of up to 20 earlier versions, which accumulate during the trial).
     */
    @Benchmark
    public long crystallizeEngineWithReportOnTmpfs() {
        return experimentsWritingTo(memoryResults, true);
    }

    private long experimentsWritingTo(Path root, boolean report) {
        return execute(LauncherDiscoveryRequestBuilder.request().selectors(experiments)
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("crystallize"))
                .configurationParameter("crystallize.artifacts.root", root.toString())
                // every operation runs the same unchanged experiments again: measure running them, not reusing them
                .configurationParameter("crystallize.reuse", "never")
                .configurationParameter("crystallize.report.enabled", String.valueOf(report)).build());
    }

    @Benchmark
    public long jupiterByHand() {
        return execute(jupiterRequest());
    }

    /**
     * The floor under {@link #crystallizeEngineResultsOnTmpfs()}: the same Jupiter tests, each also
     * writing its version of the results layout by hand on tmpfs as it finishes, on its own thread
     * (see {@link LayoutWritingListener}).
     */
    public long jupiterWritingLayoutOnTestThread() {
        return execute(jupiterRequest(), layoutOnTestThread);
    }

    /** As {@link #jupiterWritingLayoutOnTestThread()}, the writing handed to a second thread the run waits for. */
    public long jupiterWritingLayoutOnSecondThread() {
        return execute(jupiterRequest(), layoutOnSecondThread);
    }

    private LauncherDiscoveryRequest jupiterRequest() {
        return LauncherDiscoveryRequestBuilder.request().selectors(jupiterTests)
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("junit-jupiter")).build();
    }

    private long execute(LauncherDiscoveryRequest request, TestExecutionListener... more) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            TestExecutionListener[] listeners = java.util.Arrays.copyOf(more, more.length + 1);
            listeners[more.length] = listener;
            launcher.execute(request, listeners);
            TestExecutionSummary summary = listener.getSummary();
            if (summary.getTestsSucceededCount() != CLASSES || summary.getTotalFailureCount() != 0) {
                throw new IllegalStateException("expected " + CLASSES + " passing tests, got "
                        + summary.getTestsSucceededCount() + " passing and " + summary.getTotalFailureCount() + " failures");
            }
            return summary.getTestsSucceededCount();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Path write(String name, String source) throws IOException {
        Path file = sources.resolve("bench").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, source);
    }

    static String experimentSource(int i) {
        return """
                package bench;

                import io.crystallize.annotation.DataSource;
                import io.crystallize.annotation.Experiment;
                import io.crystallize.annotation.Hypothesis;
                import io.crystallize.annotation.Param;
                import io.crystallize.annotation.Step;
                import io.crystallize.annotation.Treatment;
                import io.crystallize.core.Metrics;
                import java.util.random.RandomGenerator;

                @Experiment(replicates = 10, seed = %d)
                public class Experiment%d {
                    @Param double delta = 0.0;

                    @DataSource
                    double draw(RandomGenerator random) {
                        return random.nextDouble();
                    }

                    @Step
                    void record(double value, Metrics metrics) {
                        metrics.record("value", value + delta);
                    }

                    @Treatment(name = "shifted", set = "delta=1.0")
                    void treatments() {
                    }

                    @Hypothesis(metric = "value", test = io.crystallize.annotation.StatisticalTest.WELCH)
                    void shiftedIsHigher() {
                    }
                }
                """.formatted(i, i);
    }

    static String jupiterSource(int i) {
        return """
                package bench;

                import io.crystallize.base.Seeds;
                import io.crystallize.stats.Alternative;
                import io.crystallize.stats.TTests;
                import org.junit.jupiter.api.Assertions;
                import org.junit.jupiter.api.Test;

                public class Jupiter%dTest {
                    @Test
                    void shiftedIsHigher() {
                        double[] baseline = new double[10];
                        double[] shifted = new double[10];
                        for (int r = 0; r < 10; r++) {
                            long seed = Seeds.replicateSeed(%d, r);
                            baseline[r] = Seeds.generator(seed).nextDouble();
                            shifted[r] = Seeds.generator(seed).nextDouble() + 1.0;
                        }
                        double p = TTests.welch(shifted, baseline, Alternative.GREATER).pValue();
                        Assertions.assertTrue(p < 0.05, "p=" + p);
                    }
                }
                """.formatted(i, i);
    }

    private static void delete(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
