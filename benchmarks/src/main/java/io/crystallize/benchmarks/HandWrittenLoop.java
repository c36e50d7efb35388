package io.crystallize.benchmarks;

import io.crystallize.base.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;

/**
 * The baseline of benchmark 1: the same arithmetic as {@link TrivialExperiment} without the
 * framework — a seeded generator per run, values appended to a {@code double[]}, one results
 * file written at the end.
 */
final class HandWrittenLoop {

    private HandWrittenLoop() {
    }

    static double[][] run(Path root, int replicates, long master) {
        double[] deltas = {0.0, 1.0};
        double[][] values = new double[deltas.length][replicates];
        for (int r = 0; r < replicates; r++) {
            long seed = Seeds.replicateSeed(master, r);
            for (int c = 0; c < deltas.length; c++) {
                RandomGenerator random = Seeds.generator(seed);
                double x = random.nextDouble();
                x = x + deltas[c];
                values[c][r] = x;
            }
        }
        if (root != null) {
            write(root, values);
        }
        return values;
    }

    private static void write(Path root, double[][] values) {
        StringBuilder json = new StringBuilder(values.length * values[0].length * 20).append("{\"metrics\":{");
        for (int c = 0; c < values.length; c++) {
            json.append(c == 0 ? "" : ",").append("\"c").append(c).append("\":[");
            for (int r = 0; r < values[c].length; r++) {
                json.append(r == 0 ? "" : ",").append(values[c][r]);
            }
            json.append(']');
        }
        json.append("}}");
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve("results.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
