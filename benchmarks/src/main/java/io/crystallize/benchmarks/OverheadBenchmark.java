package io.crystallize.benchmarks;

import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 1: nanoseconds per run (one replicate × condition) of the trivial 3-step pipeline
 * through the framework with its default plugins and results written, against the hand-written
 * loop doing the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OverheadBenchmark {

    static final int REPLICATES = 10_000;
    static final int RUNS = 2 * REPLICATES;

    private Path root;
    private Experiment experiment;

    @Setup(Level.Iteration)
    public void setUp() throws IOException {
        root = Files.createTempDirectory("crystallize-bench");
        experiment = TrivialExperiment.build(root, REPLICATES);
    }

    @TearDown(Level.Iteration)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @OperationsPerInvocation(RUNS)
    public Result framework() {
        return experiment.run();
    }

    @Benchmark
    @OperationsPerInvocation(RUNS)
    public double[][] handWritten() {
        return HandWrittenLoop.run(root.resolve("hand"), REPLICATES, 42L);
    }
}
