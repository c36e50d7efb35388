package io.crystallize.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an unchanged {@code mvn test} costs the second time, as whole Maven processes: a first
 * execution (empty results root) and then the same command again, whose conditions the engine
 * reuses ({@code crystallize.reuse=unless-timing}, its default). Repeated, first and rerun
 * alternating; medians.
 *
 * <p>Two figures per pair: the whole process (Maven, compilation check and Surefire's JVM
 * included, a cost no experiment can shrink) and the experiments' own time, the sum of the times
 * Surefire reports for their classes ({@code target/surefire-reports}). Which classes were reused
 * is read from each experiment's newest {@code metadata.json} ({@code "reused"}), never assumed.
 *
 * <ul>
 *   <li>{@code module <work dir> <repetitions> <experiments> <replicates> [mvn arguments]}: a
 *   generated module of annotated experiments, each a baseline and one treatment whose runs sleep
 *   10 ms (standing for training or simulation). Needs the reactor installed in the local
 *   repository Maven uses, as {@link MavenColdStart} does.</li>
 *   <li>{@code samples <repository root> <repetitions> [mvn arguments]}: the samples module
 *   ({@code mvn -pl samples test}), whose timing experiments rerun by design.</li>
 * </ul>
 */
public final class MavenRerun {

    private static final Pattern SUITE_TIME = Pattern.compile("<testsuite[^>]* name=\"([^\"]+)\" time=\"([0-9.,]+)\"");
    private static final Pattern REUSED = Pattern.compile("\"reused\"\\s*:\\s*\\{\\s*\"");

    private MavenRerun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 5 && args[0].equals("module")) {
            Path work = Path.of(args[1]).toAbsolutePath();
            Path module = module(work.resolve("rerun-module"), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            List<String> mavenArgs = List.of(args).subList(5, args.length);
            Processes.run(maven(List.of("test-compile"), mavenArgs), module);
            measure("maven_rerun.module", Integer.parseInt(args[2]), maven(List.of("test"), mavenArgs), module, module);
        } else if (args.length >= 3 && args[0].equals("samples")) {
            Path root = Path.of(args[1]).toAbsolutePath();
            List<String> mavenArgs = List.of(args).subList(3, args.length);
            Processes.run(maven(List.of("-pl", "samples", "clean", "test-compile"), mavenArgs), root);
            measure("maven_rerun.samples", Integer.parseInt(args[2]),
                    maven(List.of("-pl", "samples", "test"), mavenArgs), root, root.resolve("samples"));
        } else {
            System.err.println("usage: MavenRerun module <work dir> <repetitions> <experiments> <replicates> [mvn args]"
                    + " | MavenRerun samples <repository root> <repetitions> [mvn args]");
            System.exit(2);
        }
    }

    private static void measure(String name, int repetitions, List<String> command, Path directory, Path module)
            throws IOException, InterruptedException {
        String loadBefore = ColdStart.loadAverage();
        double[] firstWhole = new double[repetitions];
        double[] rerunWhole = new double[repetitions];
        double[] firstOwn = new double[repetitions];
        double[] rerunOwn = new double[repetitions];
        Map<String, Double> lastFirst = Map.of();
        Map<String, Double> lastRerun = Map.of();
        List<String> reran = List.of();
        for (int i = 0; i < repetitions; i++) {
            deleteResults(module);
            firstWhole[i] = Processes.run(command, directory);
            lastFirst = suiteTimes(module);
            rerunWhole[i] = Processes.run(command, directory);
            lastRerun = suiteTimes(module);
            reran = experimentsNotReused(module);
            firstOwn[i] = reusedTime(lastFirst, reran);
            rerunOwn[i] = reusedTime(lastRerun, reran);
        }
        print(name + ".whole_process", firstWhole, rerunWhole);
        print(name + ".reused_experiments", firstOwn, rerunOwn);
        System.out.println(name + ".not_reused " + (reran.isEmpty() ? "none" : String.join(", ", reran)));
        for (String suite : lastFirst.keySet()) {
            System.out.println(String.format(Locale.ROOT, "%s.class %s first %.0f ms, rerun %.0f ms", name, suite,
                    lastFirst.get(suite), lastRerun.getOrDefault(suite, Double.NaN)));
        }
        System.out.println(name + ".load_average " + loadBefore + " -> " + ColdStart.loadAverage());
    }

    private static void print(String name, double[] first, double[] rerun) {
        double firstMedian = Processes.median(first);
        double rerunMedian = Processes.median(rerun);
        System.out.println(String.format(Locale.ROOT, "%s.first %.0f ms", name, firstMedian));
        System.out.println(String.format(Locale.ROOT, "%s.rerun %.0f ms", name, rerunMedian));
        System.out.println(String.format(Locale.ROOT, "%s.ratio %.3f", name, rerunMedian / firstMedian));
    }

    /** Test class -> milliseconds Surefire reported for it in its last run. */
    private static Map<String, Double> suiteTimes(Path module) throws IOException {
        Map<String, Double> times = new LinkedHashMap<>();
        Path reports = module.resolve("target/surefire-reports");
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList()) {
                Matcher matcher = SUITE_TIME.matcher(Files.readString(file));
                if (matcher.find()) {
                    String simpleName = matcher.group(1).substring(matcher.group(1).lastIndexOf('.') + 1);
                    times.put(simpleName, Double.parseDouble(matcher.group(2).replace(",", "")) * 1000);
                }
            }
        }
        return times;
    }

    /** Experiments (by directory name) whose newest version took none of its runs from an earlier one. */
    private static List<String> experimentsNotReused(Path module) throws IOException {
        List<String> notReused = new ArrayList<>();
        try (Stream<Path> experiments = Files.list(module.resolve("target/crystallize"))) {
            for (Path experiment : experiments.filter(Files::isDirectory).sorted().toList()) {
                Path newest = newestVersion(experiment);
                if (newest != null && !REUSED.matcher(Files.readString(newest.resolve("metadata.json"))).find()) {
                    notReused.add(experiment.getFileName().toString());
                }
            }
        }
        return notReused;
    }

    private static Path newestVersion(Path experiment) throws IOException {
        try (Stream<Path> versions = Files.list(experiment)) {
            return versions.filter(v -> v.getFileName().toString().matches("v[0-9]+") && Files.exists(v.resolve("metadata.json")))
                    .max(Comparator.comparingLong(v -> Long.parseLong(v.getFileName().toString().substring(1))))
                    .orElse(null);
        }
    }

    /** Surefire's time for the experiment classes that were reused (not Jupiter classes, not reruns). */
    private static double reusedTime(Map<String, Double> times, List<String> notReused) {
        return times.entrySet().stream()
                .filter(e -> e.getKey().endsWith("Experiment") && !notReused.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static void deleteResults(Path module) throws IOException {
        Path results = module.resolve("target/crystallize");
        if (Files.exists(results)) {
            try (Stream<Path> paths = Files.walk(results)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static List<String> maven(List<String> goals, List<String> mavenArgs) {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-q"));
        command.addAll(goals);
        command.addAll(mavenArgs);
        return command;
    }

    private static Path module(Path dir, int experiments, int replicates) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/test/java/bench"));
        for (int i = 0; i < experiments; i++) {
            Files.writeString(sources.resolve("Rerun" + i + "Experiment.java"), experimentSource(i, replicates));
        }
        Files.writeString(dir.resolve("pom.xml"),
                MavenColdStart.pom("rerun-module", MavenColdStart.crystallizeVersion(), true));
        return dir;
    }

    private static String experimentSource(int i, int replicates) {
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

                @Experiment(replicates = %d, seed = %d)
                public class Rerun%dExperiment {
                    @Param double delta = 0.0;

                    @DataSource
                    double draw(RandomGenerator random) {
                        return random.nextDouble();
                    }

                    @Step
                    void train(double value, Metrics metrics) throws InterruptedException {
                        Thread.sleep(10); // stands for 10 ms of training or simulation
                        metrics.record("score", value + delta);
                    }

                    @Treatment(name = "shifted", set = "delta=1.0")
                    void treatments() {
                    }

                    @Hypothesis(metric = "score", test = io.crystallize.annotation.StatisticalTest.WELCH)
                    void shiftedIsHigher() {
                    }
                }
                """.formatted(replicates, i, i);
    }
}
