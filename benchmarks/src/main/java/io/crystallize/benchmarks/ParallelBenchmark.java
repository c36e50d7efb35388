package io.crystallize.benchmarks;

import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.plugins.ParallelExecution;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Benchmark 3: a CPU-bound step of about 1 ms, 40 runs, on 1 and 2 workers. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParallelBenchmark {

    /** Iterations of {@link #work} taking about 1 ms on this machine class. */
    static final int WORK = 250_000;

    @Param({"1", "2"})
    public int workers;

    private Experiment experiment;

    @Setup
    public void setUp() {
        experiment = Experiment.builder("parallel")
                .dataSource(DataSource.of(ctx -> ctx.random().nextLong()))
                .parameter("scale", 1)
                .step(Step.<Long, Double>of("work", (seed, ctx) -> work(seed, WORK * ctx.getInt("scale"))))
                .step(Step.<Double, Double>of("record", (x, ctx) -> {
                    ctx.metrics().record("x", x);
                    return x;
                }))
                .treatment(Treatment.of("same", Map.of("scale", 1)))
                .plugin(new ParallelExecution(workers))
                .replicates(20)
                .build();
    }

    /**
     * Compiled on its own, never inlined: inlined into its callers, the JIT gave it different code
     * in different forks (0.8 ms in one, 1.4 ms in another), which made the speed-up a comparison
     * of JIT outcomes rather than of 1 and 2 workers.
     */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static double work(long seed, int iterations) {
        double acc = 0;
        long x = seed;
        for (int i = 0; i < iterations; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            acc += Math.sqrt((x >>> 11) * 0x1.0p-53);
        }
        return acc;
    }

    @Benchmark
    public Result run() {
        return experiment.run();
    }

    /**
     * The baseline: the same 40 work items on plain threads, no framework. Its speed-up is what
     * this machine's cores allow (two vCPUs may share a physical core).
     */
    @Benchmark
    public double rawThreads() throws InterruptedException {
        double[] sums = new double[workers];
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads[w] = new Thread(() -> {
                double sum = 0;
                for (int i = worker; i < 40; i += workers) {
                    sum += work(i, WORK);
                }
                sums[worker] = sum;
            });
            threads[w].start();
        }
        double total = 0;
        for (int w = 0; w < workers; w++) {
            threads[w].join();
            total += sums[w];
        }
        return total;
    }
}
