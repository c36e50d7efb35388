package io.crystallize.benchmarks;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.artifacts.Retention;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.RunRequest;
import io.crystallize.core.Step;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Resume after a kill, against a full execution measured in the same run: one JVM runs an
 * experiment of 2 conditions x N replicates whose runs sleep M ms each from start to end; another
 * runs it and is killed with SIGKILL once half its runs have finished; a third resumes that
 * version. Prints the resume's time as a fraction of the full execution's, both for the
 * execution itself ({@code run(...)} inside a JVM that ran a one-replicate execution first, so
 * that class loading and compilation are not counted) and for the whole process (JVM start-up
 * and warm-up included), and checks that the resumed results equal the full execution's byte for
 * byte.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.crystallize.benchmarks.ResumeBenchmark [replicates] [millis per run] [work dir]}
 */
public final class ResumeBenchmark {

    static final String EXPERIMENT = "resumable";

    private ResumeBenchmark() {
    }

    static Experiment experiment(Path root, int replicates, long millis, AtomicInteger executed, boolean report) {
        DataSource<Double> source = DataSource.of(ctx -> {
            executed.incrementAndGet();
            return ctx.random().nextGaussian();
        });
        Step<Double, Double> work = Step.of("work", (x, ctx) -> {
            Thread.sleep(millis);
            return x + ctx.getDouble("shift");
        });
        Step<Double, Double> record = Step.of("record", (x, ctx) -> {
            ctx.metrics().record("score", x);
            return x;
        });
        Experiment.Builder builder = Experiment.builder(EXPERIMENT).dataSource(source).step(work).step(record)
                .parameter("shift", 0.0).treatment("shifted", Map.of("shift", 0.3)).replicates(replicates).seed(7)
                .plugin(new ArtifactPlugin(root, Retention.keepAll()));
        return (report ? builder.plugin(new FinishedLine()) : builder).build();
    }

    /** Prints {@code FINISHED} after every run's last step, so the parent knows how far the child got. */
    private static final class FinishedLine implements io.crystallize.core.Plugin {
        @Override
        public void afterStep(Step<?, ?> step, Object output, io.crystallize.core.Context context) {
            if (step.name().equals("record")) {
                System.out.println("FINISHED");
                System.out.flush();
            }
        }
    }

    /** The child: {@code child <root> <fresh|resume> <replicates> <millis>}. */
    private static void child(String[] args) {
        // the JVM's first execution loads and compiles the library, and the first log line starts
        // java.util.logging (seconds together on a loaded machine): an execution of one replicate
        // elsewhere first, asked to resume (there is nothing to resume: it logs why), so both
        // measured executions start warm
        experiment(Path.of(args[1] + "-warm-up"), 1, 0, new AtomicInteger(), false)
                .run(RunRequest.defaults().withResume(true));
        AtomicInteger executed = new AtomicInteger();
        Experiment experiment = experiment(Path.of(args[1]), Integer.parseInt(args[3]), Long.parseLong(args[4]),
                executed, true);
        long start = System.nanoTime();
        experiment.run(RunRequest.defaults().withResume(args[2].equals("resume")));
        System.out.println("MILLIS " + (System.nanoTime() - start) / 1_000_000);
        System.out.println("EXECUTED " + executed.get());
        System.out.println("VERSION " + experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory()
                .getFileName());
    }

    private record Child(long wallMillis, long runMillis, int executed, String version) {
    }

    private static Process start(Path root, String mode, int replicates, long millis) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ResumeBenchmark.class.getName(), "child", root.toString(),
                mode, Integer.toString(replicates), Long.toString(millis)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Runs a child to its end; with {@code killAfter} > 0, kills it after that many finished runs instead. */
    private static Child run(Path root, String mode, int replicates, long millis, int killAfter) throws Exception {
        long start = System.nanoTime();
        Process process = start(root, mode, replicates, millis);
        long runMillis = -1;
        int executed = -1;
        int finished = 0;
        String version = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("FINISHED") && ++finished == killAfter) {
                    process.destroyForcibly(); // SIGKILL
                    break;
                } else if (line.startsWith("MILLIS ")) {
                    runMillis = Long.parseLong(line.substring(7));
                } else if (line.startsWith("EXECUTED ")) {
                    executed = Integer.parseInt(line.substring(9));
                } else if (line.startsWith("VERSION ")) {
                    version = line.substring(8);
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(mode + " child did not end");
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (killAfter <= 0 && process.exitValue() != 0) {
            throw new IllegalStateException(mode + " child failed with exit code " + process.exitValue());
        }
        return new Child(wall, runMillis, executed, version);
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args);
            return;
        }
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 10;
        Path dir = Path.of(args.length > 2 ? args[2] : "target/resume-benchmark");
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int runs = 2 * replicates;
        List<double[]> figures = new ArrayList<>(); // full ms, resumed ms, ratio, whole full, whole resumed, ratio
        for (int round = 0; round < rounds; round++) {
            delete(dir);
            Child full = run(dir.resolve("full"), "fresh", replicates, millis, 0);
            run(dir.resolve("killed"), "fresh", replicates, millis, runs / 2);
            Child resumed = run(dir.resolve("killed"), "resume", replicates, millis, 0);
            for (String condition : List.of("baseline", "shifted")) {
                Path a = dir.resolve("full").resolve(EXPERIMENT).resolve("v0").resolve(condition).resolve("results.json");
                // a kill in the execution's first 200 ms leaves nothing to resume: the resume starts v1
                Path b = dir.resolve("killed").resolve(EXPERIMENT).resolve(resumed.version()).resolve(condition)
                        .resolve("results.json");
                if (!Files.exists(b) || !java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b))) {
                    throw new IllegalStateException("the resumed " + b + " differs from the full execution's " + a);
                }
            }
            figures.add(new double[] {full.runMillis(), resumed.runMillis(),
                    100.0 * resumed.runMillis() / full.runMillis(), full.wallMillis(), resumed.wallMillis(),
                    100.0 * resumed.wallMillis() / full.wallMillis(), resumed.executed()});
            System.out.println(String.format(Locale.ROOT, "round %d: full %d ms, resumed %d ms (%d of %d runs ran "
                    + "again): %.1f%%; whole processes %d / %d ms: %.1f%%", round + 1, full.runMillis(),
                    resumed.runMillis(), resumed.executed(), runs, figures.get(round)[2], full.wallMillis(),
                    resumed.wallMillis(), figures.get(round)[5]));
        }
        figures.sort(Comparator.comparingDouble(f -> f[2]));
        double[] median = figures.get(figures.size() / 2);
        System.out.println(String.format(Locale.ROOT, "resume.full_execution_%dx2_%dms %.0f ms", replicates, millis,
                median[0]));
        System.out.println(String.format(Locale.ROOT, "resume.resumed_execution %.0f ms, %.1f%% of the full "
                + "execution (median of %d rounds; %.0f of %d runs ran again; all results identical)", median[1],
                median[2], rounds, median[6], runs));
        figures.sort(Comparator.comparingDouble(f -> f[5]));
        System.out.println(String.format(Locale.ROOT, "resume.whole_process %.1f%% (median; JVM start-up included)",
                figures.get(figures.size() / 2)[5]));
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
