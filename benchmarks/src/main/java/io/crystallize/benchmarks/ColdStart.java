package io.crystallize.benchmarks;

import io.crystallize.processor.ExperimentProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What a developer waits for: fresh JVMs running the console launcher, as a build tool or an IDE
 * starts one per run. Two figures, each against its Jupiter equivalent measured in the same run,
 * the two alternating process by process so that the machine's load falls on both alike:
 * <ul>
 *   <li>{@code pass}: the first (and only) pass of 200 generated experiments found by scanning
 *       their class directory, results written to disk (the run's HTML report off, as Jupiter writes
 *       none), against 200 equivalent Jupiter classes, and beside them the floor: the same Jupiter
 *       classes each also writing its version of the results layout by hand ({@link
 *       LayoutWritingListener}), the three alternating;</li>
 *   <li>{@code single}: one hypothesis selected by its method, as an IDE runs it, against one
 *       Jupiter test method.</li>
 * </ul>
 * Usage: {@code java -cp benchmarks.jar io.crystallize.benchmarks.ColdStart <work dir> <repetitions>}.
 * Prints one line per figure ({@code name value unit}): medians in milliseconds, their ratio, and
 * the spread (minimum and maximum) with the load average before and after.
 */
public final class ColdStart {

    static final int CLASSES = EngineBenchmark.CLASSES;

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int repetitions = Integer.parseInt(args[1]);
        Path experiments = work.resolve("experiments");
        Path jupiter = work.resolve("jupiter");
        prepare(work, experiments, jupiter);
        Path results = Files.createDirectories(work.resolve("results"));
        String loadBefore = loadAverage();
        Path listener = layoutListener(work);
        Path byHand = Files.createDirectories(results.resolve("by-hand"));
        int[] floorRuns = {0};
        double[][] passes = Processes.alternate(repetitions, List.of(
                () -> launcher(experiments, results, "crystallize", "--scan-classpath", experiments.toString(),
                        "--include-classname", "bench\\.Experiment\\d+"),
                () -> launcher(jupiter, results, "junit-jupiter", "--scan-classpath", jupiter.toString()),
                () -> layoutWritingLauncher(jupiter, listener, byHand.resolve("run" + floorRuns[0]++))));
        requireLayoutWritten(byHand.resolve("run0"));
        Processes.Pair pass = new Processes.Pair(passes[0], passes[1]);
        Processes.Pair single = Processes.alternate(repetitions,
                () -> launcher(experiments, results, "crystallize", "--select-method", "bench.Experiment0#shiftedIsHigher"),
                () -> launcher(jupiter, results, "junit-jupiter", "--select-method", "bench.Jupiter0Test#shiftedIsHigher"));
        String loadAfter = loadAverage();
        pass.print("cold.first_pass_" + CLASSES, "crystallize", "jupiter");
        // the floor: the same Jupiter classes, each also writing its version of the results layout by hand
        double floor = Processes.median(passes[2]);
        System.out.println(String.format(Locale.ROOT, "cold.first_pass_%d.jupiter_writing_layout_by_hand %.0f ms",
                CLASSES, floor));
        System.out.println(String.format(Locale.ROOT, "cold.first_pass_%d.jupiter_writing_layout_by_hand_vs_jupiter %.2f x",
                CLASSES, floor / Processes.median(passes[1])));
        System.out.println(String.format(Locale.ROOT, "cold.first_pass_%d.crystallize_vs_jupiter_writing_layout_by_hand %.2f x",
                CLASSES, Processes.median(passes[0]) / floor));
        single.print("cold.single_hypothesis", "crystallize", "jupiter");
        System.out.println("cold.load_average " + loadBefore + " -> " + loadAfter);
    }

    private static List<String> launcher(Path classes, Path results, String engine, String... selection) {
        List<String> command = new ArrayList<>(List.of(Processes.java(), "-cp", System.getProperty("java.class.path"),
                "org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner", "--details=none",
                "--disable-ansi-colors", "--fail-if-no-tests", "--class-path", classes.toString(),
                "--include-engine", engine, "--config", "crystallize.artifacts.root=" + results,
                // as in the engine benchmark: Jupiter writes no report; the report's cost is measured apart
                "--config", "crystallize.report.enabled=false",
                // every repetition computes its runs, as a first pass does (what reuse saves is measured by Rerun)
                "--config", "crystallize.reuse=never"));
        command.addAll(List.of(selection));
        return command;
    }

    /**
     * The Jupiter pass with {@link LayoutWritingListener} registered through the launcher's service
     * loader (a class-path directory holding only its service file), writing under {@code root}.
     */
    private static List<String> layoutWritingLauncher(Path jupiter, Path listener, Path root) {
        List<String> command = launcher(jupiter, root, "junit-jupiter", "--scan-classpath", jupiter.toString(),
                "--class-path", listener.toString());
        command.add(1, "-Dcrystallize.bench.layout.root=" + root);
        return command;
    }

    private static Path layoutListener(Path work) throws IOException {
        Path services = Files.createDirectories(work.resolve("layout-listener").resolve("META-INF").resolve("services"));
        Files.writeString(services.resolve("org.junit.platform.launcher.TestExecutionListener"),
                LayoutWritingListener.class.getName() + "\n");
        return work.resolve("layout-listener");
    }

    /** The floor measured nothing if its listener was not found: every experiment has its version. */
    private static void requireLayoutWritten(Path root) throws IOException {
        for (int i = 0; i < CLASSES; i++) {
            if (!Files.isDirectory(root.resolve("Jupiter" + i + "Test").resolve("v0").resolve("shifted"))) {
                throw new IllegalStateException("the Jupiter pass writing the layout by hand wrote none under " + root
                        + " for Jupiter" + i + "Test: its listener was not registered");
            }
        }
    }

    /** Compiles the experiments (with the processor) and the Jupiter classes once per work directory. */
    static void prepare(Path work, Path experiments, Path jupiter) throws IOException {
        if (Files.isDirectory(experiments) && Files.isDirectory(jupiter)) {
            return;
        }
        Path sources = Files.createDirectories(work.resolve("sources").resolve("bench"));
        List<Path> experimentSources = new ArrayList<>();
        List<Path> jupiterSources = new ArrayList<>();
        for (int i = 0; i < CLASSES; i++) {
            experimentSources.add(Files.writeString(sources.resolve("Experiment" + i + ".java"),
                    EngineBenchmark.experimentSource(i)));
            jupiterSources.add(Files.writeString(sources.resolve("Jupiter" + i + "Test.java"),
                    EngineBenchmark.jupiterSource(i)));
        }
        compile(experimentSources, Files.createDirectories(experiments), true);
        compile(jupiterSources, Files.createDirectories(jupiter), false);
    }

    private static void compile(List<Path> files, Path into, boolean processor) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, null,
                    List.of("-d", into.toString(), "-classpath", System.getProperty("java.class.path")),
                    null, fileManager.getJavaFileObjectsFromPaths(files));
            task.setProcessors(processor ? List.of(new ExperimentProcessor()) : List.of());
            if (!task.call()) {
                throw new IllegalStateException("the cold-start benchmark's classes did not compile");
            }
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + "/" + fields[1] + "/" + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
