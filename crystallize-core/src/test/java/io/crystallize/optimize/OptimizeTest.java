package io.crystallize.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Experiment;
import io.crystallize.core.Objective;
import io.crystallize.core.Optimizer;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.hypothesis.Aggregate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** REFERENCE-BEHAVIOUR item 20 and DESIGN §3.7. */
class OptimizeTest {

    private final List<String> fetchedConditions = Collections.synchronizedList(new ArrayList<>());

    /** Data {@code [1, 2, 3]}, a step adding {@code delta} to each value and recording {@code sum}. */
    private Experiment sumExperiment() {
        return Experiment.builder("optimize")
                .dataSource(ctx -> {
                    fetchedConditions.add(ctx.condition());
                    return new double[] {1, 2, 3};
                })
                .parameter("delta", 0)
                .step(Step.<double[], double[]>of("AddDelta", (data, ctx) -> {
                    double sum = 0;
                    for (double v : data) {
                        sum += v + ctx.getInt("delta");
                    }
                    ctx.metrics().record("sum", sum);
                    return data;
                }))
                .build();
    }

    /** Records every ask and tell of a wrapped optimizer. */
    private static final class CountingOptimizer implements Optimizer {
        private final Optimizer inner;
        private final List<String> asked = new ArrayList<>();
        private final List<Double> told = new ArrayList<>();

        CountingOptimizer(Optimizer inner) {
            this.inner = inner;
        }

        @Override
        public Treatment ask() {
            Treatment t = inner.ask();
            asked.add(t.name());
            return t;
        }

        @Override
        public void tell(Treatment treatment, double value) {
            told.add(value);
            inner.tell(treatment, value);
        }

        @Override
        public Treatment best() {
            return inner.best();
        }

        @Override
        public Objective objective() {
            return inner.objective();
        }
    }

    @Test
    void fiveTrialsAskAndTellFiveTimesAndReturnTheOptimizersBest() {
        CountingOptimizer optimizer = new CountingOptimizer(
                new GridSearch(Map.of("delta", List.of(0, 1, 2, 3, 4)), Objective.maximize("sum")));

        Treatment best = sumExperiment().optimize(optimizer, 5, 1);

        assertThat(optimizer.asked).hasSize(5);
        assertThat(optimizer.told).containsExactly(6.0, 9.0, 12.0, 15.0, 18.0);
        assertThat(best).isSameAs(optimizer.best());
        assertThat(best.overrides()).containsEntry("delta", 4);
    }

    @Test
    void gridSearchHonoursTheDirection() {
        CountingOptimizer minimizing = new CountingOptimizer(
                new GridSearch(Map.of("delta", List.of(0, 1, 2)), Objective.minimize("sum")));
        CountingOptimizer maximizing = new CountingOptimizer(
                new GridSearch(Map.of("delta", List.of(0, 1, 2)), Objective.maximize("sum")));

        Treatment low = sumExperiment().optimize(minimizing, 3, 1);
        Treatment high = sumExperiment().optimize(maximizing, 3, 1);

        assertThat(minimizing.told).containsExactly(6.0, 9.0, 12.0);
        assertThat(low.overrides()).containsEntry("delta", 0);
        assertThat(high.overrides()).containsEntry("delta", 2);
    }

    @Test
    void trialsRunTheirReplicatesWithoutRerunningTheBaseline() {
        GridSearch grid = new GridSearch(Map.of("delta", List.of(0, 1, 2)), Objective.maximize("sum").aggregatedBy(Aggregate.SUM));

        sumExperiment().optimize(grid, 3, 2);

        assertThat(fetchedConditions).hasSize(6).doesNotContain("baseline");
        assertThat(grid.bestValue()).isEqualTo(24.0);
    }

    @Test
    void randomSearchHonoursTheDirectionAndIsSeeded() {
        Map<String, RandomSearch.Range> ranges = Map.of("delta", RandomSearch.Range.ofIntegers(-5, 5));
        RandomSearch maximizing = new RandomSearch(ranges, Objective.maximize("sum"), 1);
        RandomSearch minimizing = new RandomSearch(ranges, Objective.minimize("sum"), 1);
        CountingOptimizer maxCount = new CountingOptimizer(maximizing);
        CountingOptimizer minCount = new CountingOptimizer(minimizing);

        Treatment high = sumExperiment().optimize(maxCount, 8, 1);
        Treatment low = sumExperiment().optimize(minCount, 8, 1);

        assertThat(maxCount.told).isEqualTo(minCount.told);
        assertThat(maximizing.bestValue()).isEqualTo(maxCount.told.stream().mapToDouble(d -> d).max().orElseThrow());
        assertThat(minimizing.bestValue()).isEqualTo(minCount.told.stream().mapToDouble(d -> d).min().orElseThrow());
        assertThat((int) high.overrides().get("delta")).isGreaterThan((int) low.overrides().get("delta"));
        for (Object delta : List.of(high.overrides().get("delta"), low.overrides().get("delta"))) {
            assertThat((int) delta).isBetween(-5, 5);
        }
    }

    @Test
    void failingTrialScoresNaNAndTheSearchGoesOn() {
        Experiment experiment = Experiment.builder("optimize").dataSource(ctx -> 0).parameter("delta", 0)
                .step(Step.<Integer, Integer>of("Fragile", (data, ctx) -> {
                    if (ctx.getInt("delta") == 1) {
                        throw new ArithmeticException("diverged");
                    }
                    ctx.metrics().record("sum", 3 * ctx.getInt("delta"));
                    return data;
                })).build();
        CountingOptimizer optimizer = new CountingOptimizer(
                new GridSearch(Map.of("delta", List.of(0, 1, 2)), Objective.maximize("sum")));

        Treatment best = experiment.optimize(optimizer, 3, 1);

        assertThat(optimizer.told).containsExactly(0.0, Double.NaN, 6.0);
        assertThat(best.overrides()).containsEntry("delta", 2);
        GridSearch onlyFailing = new GridSearch(Map.of("delta", List.of(1)), Objective.maximize("sum"));
        assertThatThrownBy(() -> experiment.optimize(onlyFailing, 2, 1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'sum' was not recorded").hasMessageContaining("trial_0_rep_0");
    }

    @Test
    void invalidTrialCountsAndUnknownParametersAreConfigurationErrors() {
        GridSearch typo = new GridSearch(Map.of("detla", List.of(1)), Objective.maximize("sum"));

        assertThatThrownBy(() -> sumExperiment().optimize(typo, 0, 1)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> sumExperiment().optimize(typo, 1, 1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("did you mean 'delta'");
    }
}
