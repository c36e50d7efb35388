package io.crystallize.benchmarks;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.artifacts.Retention;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import java.nio.file.Path;
import java.util.Map;

/**
 * Benchmark 1's experiment: source (one seeded draw) → add parameter {@code delta} → record
 * metric {@code value}; baseline plus one treatment; default plugins (seeding, provenance) and
 * results written under {@code root} when it is not {@code null}.
 */
final class TrivialExperiment {

    static final int STEPS = 3;

    private TrivialExperiment() {
    }

    static Experiment build(Path root, int replicates) {
        Experiment.Builder builder = Experiment.builder("overhead")
                .dataSource(DataSource.of(ctx -> ctx.random().nextDouble()))
                .parameter("delta", 0.0)
                .step(Step.<Double, Double>of("add", (x, ctx) -> x + ctx.getDouble("delta")))
                .step(Step.<Double, Double>of("record", (x, ctx) -> {
                    ctx.metrics().record("value", x);
                    return x;
                }))
                .treatment(Treatment.of("shifted", Map.of("delta", 1.0)))
                .replicates(replicates);
        if (root != null) {
            builder.plugin(new ArtifactPlugin(root, Retention.keepAll()));
        }
        return builder.build();
    }
}
