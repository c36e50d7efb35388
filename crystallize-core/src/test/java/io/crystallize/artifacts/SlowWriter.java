package io.crystallize.artifacts;

import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An execution in its own JVM for {@link LiveWriterProcessTest}: experiment {@value #EXPERIMENT}
 * writes a {@value #BIG}-byte artifact per run, with retention keeping 3 versions and stripping
 * files over 1 MiB. Arguments: artifact root, then optionally a marker file and a release file:
 * replicate 1's step writes the marker once replicate 0's artifact is stored, and waits for the
 * release file. Prints {@code VERSION v<n>}, then {@code ARTIFACTS OK <count>} when every artifact
 * its result lists still exists after the run, or {@code MISSING <path>} for each that does not.
 */
public final class SlowWriter {

    public static final String EXPERIMENT = "shared";
    public static final int BIG = 2 << 20;

    private SlowWriter() {
    }

    public static Experiment experiment(Path root, Path marker, Path release) {
        Step<Number, Number> work = Step.of("Work", (data, ctx) -> {
            ctx.artifacts().write("big.bin", new byte[BIG]);
            if (marker != null && ctx.replicate() == 1) {
                Files.writeString(marker, "writing");
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (!Files.exists(release)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("release " + release + " never came");
                    }
                    Thread.sleep(5);
                }
            }
            return data;
        });
        return Experiment.builder(EXPERIMENT).dataSource(new ReplicateSource()).step(work).step(new RecordStep())
                .plugin(new ArtifactPlugin(root, new Retention(3, 1 << 20))).replicates(3).build();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Experiment experiment = args.length > 1
                ? experiment(root, Path.of(args[1]), Path.of(args[2])) : experiment(root, null, null);
        Result result = experiment.run();
        System.out.println("VERSION " + experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory()
                .getFileName());
        int count = 0;
        boolean missing = false;
        for (List<String> paths : result.artifacts().values()) {
            for (String path : paths) {
                count++;
                if (!Files.exists(Path.of(path))) {
                    System.out.println("MISSING " + path);
                    missing = true;
                }
            }
        }
        if (!missing) {
            System.out.println("ARTIFACTS OK " + count);
        }
    }
}
