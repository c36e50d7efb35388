package io.crystallize.fork;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Step;
import io.crystallize.hypothesis.Hypothesis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The experiment the fork tests run: seeded noise, a treatment that shifts it, context values,
 * a tagged metric, an artifact per run, and, when asked through system properties (which forked
 * workers get as JVM options), a run that exits its JVM, kills it with {@code kill -9} or exhausts
 * its heap. Every
 * run appends its key to the file named by {@code forks.log}, so tests can count executions.
 */
public final class SampleExperiment implements Supplier<Experiment> {

    static final String LOG = "forks.log";
    static final String EXIT_AT = "forks.exitAt";
    static final String KILL_AT = "forks.killAt";
    static final String EXHAUST_AT = "forks.exhaustAt";
    static final String HANG_AT = "forks.hangAt";

    @Override
    public Experiment get() {
        return build(ArtifactPlugin.DEFAULT_ROOT);
    }

    static Experiment build(Path root) {
        return Experiment.builder("forked-sample")
                .dataSource(DataSource.of(ctx -> ctx.random().nextDouble()))
                .parameter("shift", 0.0)
                .step(Step.of("measure", (Double noise, io.crystallize.core.Context ctx) -> {
                    String key = ctx.condition() + "_rep_" + ctx.replicate();
                    log(key);
                    if (key.equals(System.getProperty(EXIT_AT))) {
                        System.exit(3);
                    }
                    if (key.equals(System.getProperty(KILL_AT))) {
                        new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                        Thread.sleep(10_000);
                    }
                    if (key.equals(System.getProperty(HANG_AT))) {
                        Thread.sleep(600_000);
                    }
                    if (key.equals(System.getProperty(EXHAUST_AT))) {
                        List<long[]> hog = new java.util.ArrayList<>();
                        while (true) {
                            hog.add(new long[1 << 20]);
                        }
                    }
                    double value = noise + ctx.getDouble("shift");
                    ctx.set("value", value);
                    ctx.set("label", List.of("run", ctx.replicate()));
                    ctx.metrics().record("score", value, Map.of("phase", "main"));
                    ctx.artifacts().writeText("value.txt", Double.toString(value));
                    return value;
                }))
                .step(Step.of("square", (Double value, io.crystallize.core.Context ctx) -> {
                    ctx.metrics().record("square", value * value);
                    ctx.metrics().record("square", value * value / 2);
                    return value * value;
                }))
                .treatment("shifted", Map.of("shift", 0.5))
                .hypothesis(Hypothesis.on("score").build())
                .replicates(6)
                .seed(42)
                .plugin(new ArtifactPlugin(root))
                .build();
    }

    private static void log(String key) {
        String file = System.getProperty(LOG);
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
