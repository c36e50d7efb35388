package io.crystallize.artifacts;

import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.RunRequest;
import io.crystallize.core.Step;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An execution in its own JVM, for {@link ResumeProcessTest}: 2 conditions, each run sleeping a
 * little, recording two metrics (one with two values per run) and writing an artifact. Arguments:
 * artifact root, {@code fresh} or {@code resume}, master seed, replicates, milliseconds per run.
 * Prints {@code EXECUTED <runs this process ran>} and {@code VERSION <directory name>} when done.
 */
public final class ResumeWorker {

    public static final String EXPERIMENT = "durable";

    private ResumeWorker() {
    }

    public static Experiment experiment(Path root, long seed, int replicates, long sleepMillis, AtomicInteger executed) {
        DataSource<Double> source = DataSource.of(ctx -> {
            executed.incrementAndGet();
            return ctx.random().nextGaussian();
        });
        Step<Double, Double> work = Step.of("work", (x, ctx) -> {
            if (sleepMillis > 0) {
                Thread.sleep(sleepMillis);
            }
            ctx.artifacts().writeText("note.txt", ctx.condition() + " " + ctx.replicate());
            return x + ctx.getDouble("shift");
        });
        Step<Double, Double> record = Step.of("record", (x, ctx) -> {
            ctx.metrics().record("score", x);
            ctx.metrics().record("pair", x * 2);
            ctx.metrics().record("pair", ctx.random().nextDouble());
            return x;
        });
        return Experiment.builder(EXPERIMENT).dataSource(source).step(work).step(record).parameter("shift", 0.0)
                .treatment("shifted", java.util.Map.of("shift", 0.5)).seed(seed).replicates(replicates)
                .plugin(new ArtifactPlugin(root, Retention.keepAll())).build();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        boolean resume = args[1].equals("resume");
        AtomicInteger executed = new AtomicInteger();
        Experiment experiment = experiment(root, Long.parseLong(args[2]), Integer.parseInt(args[3]),
                Long.parseLong(args[4]), executed);
        long start = System.nanoTime();
        experiment.run(RunRequest.defaults().withResume(resume));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("EXECUTED " + executed.get());
        System.out.println("MILLIS " + millis);
        System.out.println("VERSION " + experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory()
                .getFileName());
    }
}
