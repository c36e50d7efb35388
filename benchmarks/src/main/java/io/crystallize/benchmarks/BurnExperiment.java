package io.crystallize.benchmarks;

import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Step;
import java.util.function.Supplier;

/**
 * The distributed benchmark's experiment: one CPU-bound step of {@code bench.iterations} dependent
 * floating-point operations (calibrated to 20 ms by {@link Distributed}; 0 for the per-run
 * overhead), {@code bench.replicates} replicates of two conditions. Built the same way in the
 * benchmark's JVM, its forks and its cluster workers, which get both properties as JVM options.
 */
public final class BurnExperiment implements Supplier<Experiment> {

    static final String ITERATIONS = "bench.iterations";
    static final String REPLICATES = "bench.replicates";

    @Override
    public Experiment get() {
        return Experiment.builder("burn")
                .dataSource(DataSource.of(ctx -> ctx.seed()))
                .parameter("offset", 0.0)
                .step(Step.of("burn", (Long seed, io.crystallize.core.Context ctx) -> {
                    double x = burn(Long.getLong(ITERATIONS, 0), seed + ctx.getDouble("offset"));
                    ctx.metrics().record("x", x);
                    return x;
                }))
                .treatment("offset", java.util.Map.of("offset", 1.0))
                .replicates(Integer.getInteger(REPLICATES, 10))
                .build();
    }

    /** A dependent chain the JIT cannot remove or shorten. */
    static double burn(long iterations, double seed) {
        double x = 1 + (seed % 1000) / 1000;
        for (long i = 0; i < iterations; i++) {
            x = x * 1.0000001 + 1e-9;
            if (x > 1e6) {
                x = 1;
            }
        }
        return x;
    }
}
