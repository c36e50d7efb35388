package io.crystallize.artifacts;

import io.crystallize.core.Experiment;
import io.crystallize.core.Step;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An execution in its own JVM, for {@link ArtifactProcessTest}. Arguments: artifact root, mode
 * ({@code run} or {@code block}), a file to wait for before starting (or {@code -}), and in
 * {@code block} mode a marker file written when replicate 1's step starts, which then never ends.
 * Prints {@code VERSION <dir>} when done.
 */
public final class ArtifactWorker {

    public static final String EXPERIMENT = "shared";

    private ArtifactWorker() {
    }

    public static Experiment experiment(Path root, Path blockMarker) {
        Step<Number, Number> work = Step.of("Work", (data, ctx) -> {
            ctx.artifacts().writeText("out.txt", "replicate " + ctx.replicate());
            if (blockMarker != null && ctx.replicate() == 1) {
                Files.writeString(blockMarker, "blocked");
                Thread.sleep(Long.MAX_VALUE);
            }
            return data;
        });
        return Experiment.builder(EXPERIMENT).dataSource(new ReplicateSource()).step(work).step(new RecordStep())
                .plugin(new ArtifactPlugin(root, Retention.keepAll())).replicates(3).build();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        boolean block = args[1].equals("block");
        if (!args[2].equals("-")) {
            Path go = Path.of(args[2]);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(go)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("start signal " + go + " never came");
                }
                Thread.sleep(2);
            }
        }
        Experiment experiment = experiment(root, block ? Path.of(args[3]) : null);
        experiment.run();
        System.out.println("VERSION " + experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory()
                .getFileName());
    }
}
