package io.crystallize.plugins;

import static io.crystallize.testing.Fixtures.increment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.base.Seeds;
import io.crystallize.core.SeedPlugin;
import io.crystallize.core.Step;
import io.crystallize.testing.ReplicateSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** REFERENCE-BEHAVIOUR items 14 and 15, DESIGN §3.3. */
class SeedPluginTest {

    private static final Step<Number, Number> RECORD_SEED = Step.of("RecordSeed", (data, ctx) -> {
        ctx.metrics().record("seed", ctx.seed());
        ctx.metrics().record("draw", ctx.random().nextDouble());
        return data;
    });

    private static Experiment.Builder seeded(long seed) {
        return Experiment.builder("seeds").dataSource(new ReplicateSource()).step(RECORD_SEED)
                .treatment(increment("treat", 1)).seed(seed);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void replicateSeedsFollowTheReferenceFormulaForEveryConditionSerialOrParallel(int workers) {
        Experiment.Builder builder = seeded(123).replicates(3);
        if (workers > 1) {
            builder.plugin(new ParallelExecution(workers));
        }
        Result result = builder.build().run();

        assertThat(result.seeds()).containsExactly(123L, 31460L, 62797L);
        assertThat(result.metric("baseline", "seed").values()).containsExactly(123, 31460, 62797);
        assertThat(result.metric("treat", "seed").values()).containsExactly(123, 31460, 62797);
        assertThat(result.metric("treat", "draw").values()).containsExactly(result.metric("baseline", "draw").values());
        double[] draws = result.metric("baseline", "draw").values();
        assertThat(draws[0]).isNotEqualTo(draws[1]);
        assertThat(draws[0]).isEqualTo(Seeds.generator(123).nextDouble());
    }

    @Test
    void replicateSeedWrapsModuloTwoToThe32() {
        assertThat(Seeds.replicateSeed(-5, 0)).isEqualTo((1L << 32) - 5);
        assertThat(Seeds.replicateSeed((1L << 32) - 1, 1)).isEqualTo(31336L);
        assertThat(new SeedPlugin(123).replicateSeed(2, "anything")).isEqualTo(62797L);
    }

    @Test
    void independentConditionsGetDifferentSeeds() {
        SeedPlugin independent = new SeedPlugin(123).independentConditions();

        assertThat(independent.replicateSeed(0, "baseline")).isNotEqualTo(independent.replicateSeed(0, "treat"));
        assertThat(independent.replicateSeed(0, "treat")).isEqualTo(independent.replicateSeed(0, "treat"));
        assertThat(independent.sharedAcrossConditions()).isFalse();
    }

    @Test
    void customSeedFunctionIsCalledWithEachRunsSeed() {
        List<Long> calls = Collections.synchronizedList(new ArrayList<>());
        Experiment experiment = Experiment.builder("seeds").dataSource(new ReplicateSource()).step(RECORD_SEED)
                .plugin(new SeedPlugin(7).withSeedFunction(calls::add)).build();

        experiment.run();
        assertThat(calls).containsExactly(7L);
        calls.clear();
        experiment.apply(null, 1, 5L);
        assertThat(calls).containsExactly(5L);
        calls.clear();
        experiment.apply(1);
        assertThat(calls).containsExactly(7L);
    }

    @Test
    void seedAndSeedPluginTogetherAreAConfigurationError() {
        assertThatThrownBy(() -> Experiment.builder("seeds").dataSource(new ReplicateSource()).step(RECORD_SEED)
                .plugin(new SeedPlugin(1)).seed(2).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("SeedPlugin");
    }

    @Test
    void sameSeedGivesIdenticalMetricsAndVerdicts() {
        Result first = seeded(99).replicates(4).build().run();
        Result second = seeded(99).replicates(4).build().run();
        Result other = seeded(100).replicates(4).build().run();

        assertThat(second.metrics()).isEqualTo(first.metrics());
        assertThat(other.metric("baseline", "draw")).isNotEqualTo(first.metric("baseline", "draw"));
    }
}
