package io.crystallize.benchmarks;

import io.crystallize.core.Result;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The whole-process figure: one plain {@code java} command running benchmark 1's experiment for N
 * replicates × 2 conditions end to end with results written, or (with {@code --hand-written}) the
 * hand-written loop, the baseline. Time the command itself to include JVM start-up.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.crystallize.benchmarks.WholeProcess [--hand-written] [replicates] [root]}
 */
public final class WholeProcess {

    private WholeProcess() {
    }

    public static void main(String[] args) {
        boolean hand = args.length > 0 && args[0].equals("--hand-written");
        int offset = hand ? 1 : 0;
        int replicates = args.length > offset ? Integer.parseInt(args[offset]) : 100_000;
        Path root = Path.of(args.length > offset + 1 ? args[offset + 1] : "target/whole-process");
        long start = System.nanoTime();
        long values;
        if (hand) {
            values = 2L * HandWrittenLoop.run(root.resolve("hand-written"), replicates, 42L)[0].length;
        } else {
            Result result = TrivialExperiment.build(root, replicates).run();
            values = result.metrics().values().stream().flatMap(m -> m.values().stream()).mapToLong(s -> s.size()).sum();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "%s: %d runs (%d values) in %.3f s inside the JVM",
                hand ? "hand-written" : "framework", 2L * replicates, values, seconds));
    }
}
