package io.crystallize.core;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.artifacts.Retention;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An execution in its own small-heap JVM, for {@link HeapExhaustionTest}: from replicate 5 on, the
 * step fills the heap until it runs out. Argument: the artifact root. Prints {@code ABORTED
 * <message>} or {@code COMPLETED}.
 */
public final class HeapExhaustionWorker {

    private HeapExhaustionWorker() {
    }

    public static void main(String[] args) {
        Step<Number, Number> greedy = Step.of("Greedy", (data, ctx) -> {
            if (ctx.replicate() >= 5) {
                List<long[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new long[128 * 1024]);
                }
            }
            return data;
        });
        Experiment experiment = Experiment.builder("exhausted").dataSource(new ReplicateSource()).step(greedy)
                .step(new RecordStep()).plugin(new ArtifactPlugin(Path.of(args[0]), Retention.keepAll()))
                .replicates(20).build();
        try {
            experiment.run();
            System.out.println("COMPLETED");
        } catch (ExecutionAbortedException e) {
            System.out.println("ABORTED " + e.getMessage());
        }
    }
}
