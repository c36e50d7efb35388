package io.crystallize.core;

import static io.crystallize.testing.DeltaNoise.TOTAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crystallize.base.ConfigurationException;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.hypothesis.Verifiers;
import io.crystallize.testing.DeltaNoise;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;
import org.junit.jupiter.api.Test;

/** Issue 2: the delta-plus-noise experiment, parameter overrides and unknown parameters. */
class TreatmentEffectTest {

    private static final Hypothesis TOTAL_HIGHER_WELCH = Hypothesis.on(TOTAL).name("total_higher")
            .higherIsBetter().verifier(Verifiers.welch()).build();

    @Test
    void deltaTenGivesSupportedWelchVerdictMatchingADirectComputation() {
        Result result = DeltaNoise.experiment("delta", false).treatment(Treatment.of("ten", "delta", 10))
                .hypothesis(TOTAL_HIGHER_WELCH).replicates(10).build().run();

        double[] baseline = result.metric("baseline", TOTAL).values();
        double[] treated = result.metric("ten", TOTAL).values();
        assertThat(baseline).hasSize(10);
        assertThat(treated).hasSize(10);
        for (int r = 0; r < 10; r++) {
            assertThat(baseline[r]).isGreaterThanOrEqualTo(0).isLessThan(3);
            assertThat(treated[r]).isGreaterThanOrEqualTo(30).isLessThan(33);
        }

        Verdict verdict = result.getHypothesis("total_higher").orElseThrow().verdict("ten", TOTAL).orElseThrow();
        assertThat(verdict.status()).isEqualTo(Verdict.Status.SUPPORTED);
        assertThat(verdict.test()).contains("Welch");

        TTest.Result welch = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC)
                .with(AlternativeHypothesis.GREATER_THAN).test(treated, baseline);
        assertThat(verdict.statistic()).isCloseTo(welch.getStatistic(), within(1e-9 * Math.abs(welch.getStatistic())));
        assertThat(verdict.pValue()).isCloseTo(welch.getPValue(), within(1e-12 + 1e-9 * welch.getPValue()));
        double difference = mean(treated) - mean(baseline);
        double se = Math.sqrt(variance(treated) / treated.length + variance(baseline) / baseline.length);
        double quantile = TDistribution.of(welch.getDegreesOfFreedom()).inverseSurvivalProbability(0.025);
        assertThat(verdict.difference()).isCloseTo(difference, within(1e-12));
        assertThat(verdict.ciLow()).isCloseTo(difference - quantile * se, within(1e-9));
        assertThat(verdict.ciHigh()).isCloseTo(difference + quantile * se, within(1e-9));
        assertThat(verdict.nBaseline()).isEqualTo(10);
        assertThat(verdict.nTreatment()).isEqualTo(10);
    }

    @Test
    void sharedNoiseMakesConstantPairedDifferencesAndADeterministicVerdictWhenDeclared() {
        Result result = DeltaNoise.experiment("delta", true).treatment(Treatment.of("ten", "delta", 10))
                .hypothesis(Hypothesis.on(TOTAL).name("total_higher").deterministic().build())
                .hypothesis(Hypothesis.on(TOTAL).name("total_lower").lowerIsBetter().deterministic().build())
                .hypothesis(Hypothesis.on(TOTAL).name("undeclared").build())
                .replicates(10).build().run();

        double[] baseline = result.metric("baseline", TOTAL).values();
        double[] treated = result.metric("ten", TOTAL).values();
        for (int r = 0; r < 10; r++) {
            assertThat(treated[r] - baseline[r]).isCloseTo(30, within(1e-9));
        }
        Verdict higher = result.getHypothesis("total_higher").orElseThrow().verdict("ten", TOTAL).orElseThrow();
        assertThat(higher.status()).isEqualTo(Verdict.Status.SUPPORTED);
        assertThat(higher.message()).contains("no variance");
        assertThat(higher.pValue()).isZero();
        assertThat(higher.test()).contains("paired");
        Verdict lower = result.getHypothesis("total_lower").orElseThrow().verdict("ten", TOTAL).orElseThrow();
        assertThat(lower.status()).isEqualTo(Verdict.Status.NOT_SUPPORTED);
        assertThat(lower.message()).contains("no variance");
        assertThat(lower.pValue()).isEqualTo(1);
        // the same data without the declaration: a constant difference could be luck
        Verdict undeclared = result.getHypothesis("undeclared").orElseThrow().verdict("ten", TOTAL).orElseThrow();
        assertThat(undeclared.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(undeclared.message()).contains("every paired difference is +30.000",
                "cannot tell a deterministic effect from chance", "deterministic = true");
        assertThat(undeclared.pValue()).isNaN();
    }

    @Test
    void treatmentOverridesABaselineDefault() {
        Experiment experiment = Experiment.builder("override").dataSource(ctx -> 0)
                .parameter("rate", 0.5).parameter("label", "base")
                .step(Step.<Integer, Integer>of("Read", (data, ctx) -> {
                    ctx.metrics().record("rate", ctx.getDouble("rate"));
                    ctx.metrics().record("label_is_base", ctx.getString("label").equals("base") ? 1 : 0);
                    return data;
                }))
                .treatment("faster", Map.of("rate", 2))
                .treatment("renamed", Map.of("label", "other"))
                .build();

        Result result = experiment.run();

        assertThat(result.metric("baseline", "rate").values()).containsExactly(0.5);
        assertThat(result.metric("faster", "rate").values()).containsExactly(2.0);
        assertThat(result.metric("faster", "label_is_base").values()).containsExactly(1);
        assertThat(result.metric("renamed", "rate").values()).containsExactly(0.5);
        assertThat(result.metric("renamed", "label_is_base").values()).containsExactly(0);
    }

    @Test
    void unknownParameterFailsValidateNamingItAndTheNearestKnownName() {
        Experiment.Builder builder = DeltaNoise.experiment("unknown", false)
                .treatment(Treatment.of("typo", "detla", 10))
                .treatment(Treatment.of("wrong_type", "delta", "ten"));

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.problems()).hasSize(2);
            assertThat(e.problems().get(0)).contains("'typo'").contains("unknown parameter 'detla'")
                    .contains("did you mean 'delta'");
            assertThat(e.problems().get(1)).contains("'wrong_type'").contains("'delta'").contains("Double");
        });
    }

    @Test
    void unknownParameterInARunOverrideFailsBeforeAnythingRuns() {
        int[] fetched = new int[1];
        Experiment experiment = Experiment.builder("unknown").dataSource(ctx -> fetched[0]++).parameter("delta", 0.0)
                .step(Step.of("Pass", (data, ctx) -> data)).build();

        assertThatThrownBy(() -> experiment.run(List.of(Treatment.of("typo", "detla", 1)), null, null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("did you mean 'delta'");
        assertThat(fetched[0]).isZero();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values) {
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return ss / (values.length - 1);
    }
}
