package io.crystallize.report;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.base.Seeds;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.hypothesis.Expectation;
import io.crystallize.hypothesis.Hypothesis;
import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A checkout experiment whose hypotheses end in every status: revenue rises with a discount
 * (SUPPORTED), the opposite claim (NOT_SUPPORTED), latency not worse by more than 2 ms, lower is
 * better (SUPPORTED, with a margin), a metric with a NaN (INCONCLUSIVE), and a treatment whose
 * third replicate fails (ERROR).
 */
final class Checkout {

    static final String NAME = "Checkout";
    static final String FAILURE = "<script>alert('gateway')</script> payment gateway down";

    private Checkout() {
    }

    static Experiment experiment(Path root, int replicates) {
        return builder(replicates).plugin(new ArtifactPlugin(root)).build();
    }

    static Experiment.Builder builder(int replicates) {
        Step<Double, Double> serve = Step.of("Serve", (noise, ctx) -> {
            double discount = ctx.getDouble("discount");
            if (ctx.condition().equals("broken") && ctx.replicate() == 2) {
                throw new IllegalStateException(FAILURE);
            }
            RandomGenerator own = Seeds.generator(ctx.seed() * 1_000_003L + ctx.condition().hashCode());
            ctx.metrics().record("revenue", 100 + 40 * discount + 2 * noise + own.nextGaussian());
            ctx.metrics().record("latency_ms", 20 + 5 * discount + noise + own.nextGaussian());
            ctx.metrics().record("quality", ctx.replicate() == 0 ? Double.NaN : own.nextDouble());
            return noise;
        });
        return Experiment.builder(NAME)
                .dataSource(DataSource.of(ctx -> ctx.random().nextGaussian()))
                .parameter("discount", 0.0)
                .step(serve)
                .treatment(Treatment.of("ten", Map.of("discount", 0.1)))
                .treatment(Treatment.of("twenty", Map.of("discount", 0.2)))
                .treatment(Treatment.of("broken", Map.of("discount", 0.1)))
                .hypothesis(Hypothesis.on("revenue").name("revenueUp").treatments("ten", "twenty").build())
                .hypothesis(Hypothesis.on("revenue").name("revenueDown").expect(Expectation.worse())
                        .treatments("twenty").build())
                .hypothesis(Hypothesis.on("latency_ms").name("latencyNotWorse").lowerIsBetter()
                        .expect(Expectation.notWorseByMoreThan(2.0)).treatments("ten", "twenty").build())
                .hypothesis(Hypothesis.on("quality").name("qualityDiffers").expect(Expectation.different())
                        .treatments("ten").build())
                .hypothesis(Hypothesis.on("revenue").name("brokenRevenue").treatments("broken").build())
                .replicates(replicates)
                .seed(7);
    }
}
