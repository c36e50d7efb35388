package io.crystallize.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Whole processes timed against a baseline on a shared machine: candidate and baseline alternate,
 * one of each per repetition, after one unmeasured pair (the page cache's and the disk's first
 * touch), so that load from elsewhere falls on both alike; medians are compared.
 */
final class Processes {

    private Processes() {
    }

    /** The {@code java} launcher of the JVM running this class. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Times of one candidate and its baseline, in milliseconds, one each per repetition. */
    record Pair(double[] candidate, double[] baseline) {

        void print(String name, String candidateName, String baselineName) {
            System.out.println(name + "." + candidateName + " " + format(median(candidate)) + " ms");
            System.out.println(name + "." + baselineName + " " + format(median(baseline)) + " ms");
            System.out.println(name + ".ratio " + String.format(Locale.ROOT, "%.2f", median(candidate) / median(baseline)) + " x");
            System.out.println(name + ".spread " + candidateName + " " + range(candidate) + ", " + baselineName + " "
                    + range(baseline) + " ms over " + candidate.length + " alternating repetitions");
        }
    }

    static Pair alternate(int repetitions, Supplier<List<String>> candidate, Supplier<List<String>> baseline)
            throws IOException, InterruptedException {
        double[][] times = alternate(repetitions, List.of(candidate, baseline));
        return new Pair(times[0], times[1]);
    }

    /** Each command once unmeasured, then {@code repetitions} rounds of each in turn; times by command, then round. */
    static double[][] alternate(int repetitions, List<Supplier<List<String>>> commands)
            throws IOException, InterruptedException {
        for (Supplier<List<String>> command : commands) {
            run(command.get(), null);
        }
        double[][] times = new double[commands.size()][repetitions];
        for (int i = 0; i < repetitions; i++) {
            for (int c = 0; c < commands.size(); c++) {
                times[c][i] = run(commands.get(c).get(), null);
            }
        }
        return times;
    }

    /** Runs one process to its end (in {@code directory} when not null); its wall time in milliseconds. */
    static double run(List<String> command, Path directory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        int exit = process.waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
            throw new IllegalStateException("exit code " + exit + " from " + String.join(" ", command) + ":\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
        return millis;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String range(double[] values) {
        return format(Arrays.stream(values).min().orElse(Double.NaN)) + "–"
                + format(Arrays.stream(values).max().orElse(Double.NaN));
    }

    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.0f", millis);
    }
}
