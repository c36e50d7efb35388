package io.crystallize.artifacts;

import io.crystallize.core.Execution;
import io.crystallize.core.Experiment;
import io.crystallize.core.Plugin;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One JVM of {@link SoakTest}: runs experiment {@value #EXPERIMENT} a number of times on a shared
 * root with retention on. Every run writes a large artifact (stripped once its version is old) and
 * a small one, after a short random pause so that kills land mid-execution. Arguments: root,
 * executions, random seed. Prints {@code RUNNING v<n>} when an execution has claimed its version,
 * {@code DONE v<n>} after it, and {@code LOST <path>} for any artifact of an execution that is gone by the time
 * the execution ends — still holding its version, so nothing may have deleted it.
 */
public final class SoakWorker {

    public static final String EXPERIMENT = "soak";
    public static final int REPLICATES = 3;
    public static final int BIG = 96 * 1024;
    public static final Retention RETENTION = new Retention(3, 64 * 1024);

    private SoakWorker() {
    }

    public static Experiment experiment(Path root, long seed) {
        Random pauses = new Random(seed);
        Step<Number, Number> work = Step.of("Work", (data, ctx) -> {
            int pause;
            synchronized (pauses) {
                pause = pauses.nextInt(25);
            }
            Thread.sleep(pause);
            ctx.artifacts().write("big.bin", new byte[BIG]);
            ctx.artifacts().writeText("small.txt", ctx.condition() + " " + ctx.replicate());
            return data;
        });
        return Experiment.builder(EXPERIMENT).dataSource(new ReplicateSource()).step(work).step(new RecordStep())
                .treatment(Treatment.of("plus", Map.of(ReplicateSource.INCREMENT, 1)))
                .plugin(new ArtifactsStillThere()).plugin(new ArtifactPlugin(root, RETENTION)).plugin(new Announce())
                .replicates(REPLICATES).build();
    }

    /** After the artifact plugin claimed the execution's version: says the execution is under way. */
    private static final class Announce implements Plugin {
        @Override
        public void beforeRun(Execution execution) {
            execution.experiment().getPlugin(ArtifactPlugin.class)
                    .ifPresent(p -> System.out.println("RUNNING " + p.versionDirectory().getFileName()));
        }
    }

    /** Before the artifact plugin writes the results (its lock still held): every artifact the runs wrote is there. */
    private static final class ArtifactsStillThere implements Plugin {
        @Override
        public void afterRun(Execution execution, Result result) {
            for (List<String> paths : result.artifacts().values()) {
                for (String path : paths) {
                    if (!Files.exists(Path.of(path))) {
                        System.out.println("LOST " + path);
                    }
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int executions = Integer.parseInt(args[1]);
        Experiment experiment = experiment(root, Long.parseLong(args[2]));
        ArtifactPlugin plugin = experiment.getPlugin(ArtifactPlugin.class).orElseThrow();
        for (int i = 0; i < executions; i++) {
            experiment.run();
            System.out.println("DONE " + plugin.versionDirectory().getFileName());
        }
    }
}
