package io.crystallize.benchmarks;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.artifacts.Retention;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.hypothesis.Hypothesis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Writing the HTML report of an experiment with 10^5 values per condition (baseline and one
 * treatment, one metric, one paired hypothesis), milliseconds per report: from the result in
 * memory alone, and as the engine writes it at the end of each build (the version's metadata, and
 * the history of one earlier stored version of the same size, whose means the report's cache kept
 * from the build before). Beside it, the baseline: writing the same result's JSON to a file
 * ({@code Result.toJson()}, what {@code result.json} would hold with its metrics).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ReportBenchmark {

    static final int VALUES = 100_000;

    private Path work;
    private Result result;
    private Path version;

    @Setup(Level.Trial)
    public void runTwoVersions() throws IOException {
        work = Files.createTempDirectory("crystallize-report-bench");
        Path root = work.resolve("results");
        Experiment experiment = Experiment.builder("latency")
                .dataSource(DataSource.of(ctx -> ctx.random().nextGaussian()))
                .parameter("slowdown", 0.0)
                .step(Step.<Double, Double>of("serve", (noise, ctx) -> {
                    ctx.metrics().record("latency_ms", 20 + ctx.getDouble("slowdown") + noise);
                    return noise;
                }))
                .treatment(Treatment.of("cached", Map.of("slowdown", -0.5)))
                .hypothesis(Hypothesis.on("latency_ms").lowerIsBetter().build())
                .plugin(new ArtifactPlugin(root, Retention.keepAll()))
                .replicates(VALUES)
                .build();
        experiment.run();
        result = experiment.run();
        version = experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory();
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The report from the result alone: nothing read from disk. */
    @Benchmark
    public Path reportOfResult() throws IOException {
        return io.crystallize.report.Report.write(result, work.resolve("report-of-result"));
    }

    /** As the engine writes it: metadata read, the earlier version's means from the report's cache. */
    @Benchmark
    public Path reportWithHistory() throws IOException {
        return new io.crystallize.report.Report().add(result, version).write(work.resolve("report-with-history"));
    }

    /** Baseline: the result's JSON with its metric values, written to a file. */
    @Benchmark
    public Path resultJson() throws IOException {
        return Files.writeString(work.resolve("result.json"), result.toJson(), StandardCharsets.UTF_8);
    }
}
