package io.crystallize.clients;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Step;
import io.crystallize.definition.ExperimentDefinition;
import io.crystallize.definition.ExperimentSettings;
import io.crystallize.definition.HypothesisDeclaration;
import io.crystallize.hypothesis.Hypothesis;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/** Written by hand as the processor would generate it. */
public final class CheckoutExperimentTest_CrystallizePipeline implements ExperimentDefinition {

    @Override
    public Class<?> experimentClass() {
        return CheckoutExperimentTest.class;
    }

    @Override
    public String name() {
        return "CheckoutExperimentTest";
    }

    @Override
    public Set<String> tags() {
        return Set.of("checkout");
    }

    @Override
    public Optional<String> disabledReason() {
        return Optional.empty();
    }

    @Override
    public List<String> treatments() {
        return List.of("upsell", "free_shipping");
    }

    @Override
    public List<HypothesisDeclaration> hypotheses() {
        return List.of(
                new HypothesisDeclaration("upsellRaisesRevenue", "upsellRaisesRevenue", List.of("revenue"),
                        List.of("upsell")),
                new HypothesisDeclaration("everyOfferRaisesRevenue", "everyOfferRaisesRevenue", List.of("revenue"),
                        List.of("upsell", "free_shipping")));
    }

    @Override
    public List<Class<?>> upstream() {
        return List.of();
    }

    @Override
    public String modelHash() {
        return "hand-written";
    }

    @Override
    public boolean generated() {
        return true;
    }

    @Override
    public Experiment experiment(ExperimentSettings settings) {
        io.crystallize.annotation.Experiment annotation =
                CheckoutExperimentTest.class.getAnnotation(io.crystallize.annotation.Experiment.class);
        return Experiment.builder(name())
                .id(CheckoutExperimentTest.class.getName())
                .replicates(settings.replicates(annotation.replicates()))
                .seed(settings.seed(annotation.seed()))
                .plugin(new ArtifactPlugin(settings.artifactRoot()))
                .dataSource(DataSource.of(context -> 100.0))
                .parameter("uplift", 0.0)
                .step(Step.of("revenue", (Double base, Context context) -> {
                    SplittableRandom noise = new SplittableRandom(context.seed() * 31 + context.condition().hashCode());
                    double revenue = base + context.getDouble("uplift") + noise.nextGaussian();
                    context.metrics().record("revenue", revenue);
                    return revenue;
                }))
                .treatment("upsell", Map.of("uplift", 8.0))
                .treatment("free_shipping", Map.of("uplift", -8.0))
                .hypothesis(Hypothesis.on("revenue").name("upsellRaisesRevenue").treatments("upsell")
                        .alpha(settings.defaultAlpha()).build())
                .hypothesis(Hypothesis.on("revenue").name("everyOfferRaisesRevenue")
                        .alpha(settings.defaultAlpha()).build())
                .build();
    }
}
