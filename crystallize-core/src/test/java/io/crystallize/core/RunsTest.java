package io.crystallize.core;

import static io.crystallize.testing.Fixtures.increment;
import static io.crystallize.testing.Fixtures.replicateExperiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.RunFailure;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.hypothesis.Verifier;
import io.crystallize.plugins.ParallelExecution;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** REFERENCE-BEHAVIOUR items 1–8 and 10–13: runs of the reference fixtures. */
class RunsTest {

    /** The fixture's values are replicate + increment: deterministic, with constant paired differences. */
    private static final Hypothesis ON_METRIC = Hypothesis.on(RecordStep.METRIC).name("metric_higher").deterministic()
            .build();

    private static double[] values(Result result, String condition) {
        return result.metric(condition, RecordStep.METRIC).values();
    }

    @Test
    void treatmentShiftsMetricAndRanksBest() {
        Result result = replicateExperiment("runs").replicates(2).treatment(increment("treat", 1))
                .hypothesis(ON_METRIC).build().run();

        assertThat(values(result, "baseline")).containsExactly(0, 1);
        assertThat(values(result, "treat")).containsExactly(1, 2);
        assertThat(result.errors()).isEmpty();
        assertThat(result.getHypothesis("metric_higher").orElseThrow().ranking().best()).isEqualTo("treat");
    }

    @Test
    void equalScoresKeepDeclarationOrder() {
        Verifier sameForAll = (samples, question) -> Verdict.builder(samples.metric(), samples.treatment())
                .status(Verdict.Status.NOT_SUPPORTED).pValue(0.5).difference(1.0).build();
        Hypothesis hypothesis = Hypothesis.on(RecordStep.METRIC).name("same").verifier(sameForAll).build();
        Result result = replicateExperiment("runs").replicates(2)
                .treatment(increment("treat1", 1)).treatment(increment("treat2", 2))
                .hypothesis(hypothesis).build().run();

        assertThat(values(result, "treat1")).containsExactly(1, 2);
        assertThat(values(result, "treat2")).containsExactly(2, 3);
        HypothesisResult verified = result.getHypothesis("same").orElseThrow();
        assertThat(verified.ranking().ranked()).extracting(r -> r.treatment()).containsExactly("treat1", "treat2");
        assertThat(verified.ranking().best()).isEqualTo("treat1");
    }

    @Test
    void baselineOnlyRunHasNoVerdicts() {
        Result result = replicateExperiment("runs").build().run();

        assertThat(result.conditions()).containsExactly("baseline");
        assertThat(values(result, "baseline")).containsExactly(0);
        assertThat(result.hypotheses()).isEmpty();
    }

    @Test
    void treatmentNamedBaselineIsRejected() {
        assertThatThrownBy(() -> increment("baseline", 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'baseline' is reserved");
    }

    @Test
    void hypothesesWithoutTreatmentsFailBeforeAnythingRuns() {
        AtomicInteger fetched = new AtomicInteger();
        Experiment experiment = Experiment.builder("runs")
                .dataSource(ctx -> fetched.incrementAndGet()).step(new RecordStep()).build();

        assertThatThrownBy(() -> experiment.run(null, List.of(ON_METRIC), null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("metric_higher").hasMessageContaining("no treatment");
        assertThatThrownBy(() -> replicateExperiment("runs").hypothesis(ON_METRIC).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no treatment");
        assertThat(fetched).hasValue(0);
    }

    @Test
    void replicatesBelowOneAreAConfigurationErrorAndOverridesLeaveTheConfiguredCount() {
        assertThatThrownBy(() -> replicateExperiment("runs").replicates(0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("replicates must be at least 1, got 0");
        Experiment experiment = replicateExperiment("runs").replicates(2).build();
        assertThatThrownBy(() -> experiment.run(0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("got 0");
        assertThatThrownBy(() -> experiment.run(-3))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("got -3");

        assertThat(experiment.run(5).replicates()).isEqualTo(5);
        assertThat(experiment.replicates()).isEqualTo(2);
        assertThat(experiment.run().metric("baseline", RecordStep.METRIC).size()).isEqualTo(2);
    }

    @Test
    void secondRunWithOtherTreatmentsAndReplicatesIsIndependent() {
        Step<Number, Number> modelStep = new Step<>() {
            @Override
            public void setup(Resources resources) {
                if (resources.contains("model")) {
                    throw new IllegalStateException("resources leaked from an earlier execution");
                }
                resources.put("model", "ready");
            }

            @Override
            public Number apply(Number input, Context context) {
                context.set("model", context.resources().get("model", String.class));
                return input;
            }

            @Override
            public String name() {
                return "Model";
            }
        };
        Experiment experiment = Experiment.builder("runs").dataSource(new ReplicateSource())
                .step(modelStep).step(new RecordStep()).build();

        Result first = experiment.run(List.of(increment("one", 1)), null, 2);
        Result second = experiment.run(List.of(increment("two", 2), increment("three", 3)), null, 3);

        assertThat(first.errors()).isEmpty();
        assertThat(second.errors()).isEmpty();
        assertThat(first.conditions()).containsExactly("baseline", "one");
        assertThat(values(first, "one")).containsExactly(1, 2);
        assertThat(second.conditions()).containsExactly("baseline", "two", "three");
        assertThat(values(second, "baseline")).containsExactly(0, 1, 2);
        assertThat(values(second, "three")).containsExactly(3, 4, 5);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 10})
    void everyConditionHasNValuesAndLargerEffectRanksBest(int n) {
        Result result = replicateExperiment("runs").treatment(increment("treat1", 1)).treatment(increment("treat2", 2))
                .hypothesis(ON_METRIC).build().run(n);

        for (String condition : List.of("baseline", "treat1", "treat2")) {
            assertThat(values(result, condition)).hasSize(n);
        }
        HypothesisResult verified = result.getHypothesis("metric_higher").orElseThrow();
        if (n == 1) {
            assertThat(verified.verdicts()).extracting(Verdict::status).containsOnly(Verdict.Status.INCONCLUSIVE);
            assertThat(verified.verdicts()).allSatisfy(v -> assertThat(v.message()).contains("too few"));
        } else {
            assertThat(verified.verdicts()).extracting(Verdict::status).containsOnly(Verdict.Status.SUPPORTED);
            assertThat(verified.verdicts()).allSatisfy(v -> assertThat(v.message()).contains("no variance"));
            assertThat(verified.ranking().best()).isEqualTo("treat2");
        }
    }

    @Test
    void overwritingReservedKeyFailsThatRunOnly() {
        Step<Number, Number> overwrite = Step.of("Overwrite", (data, ctx) -> {
            if (ctx.replicate() == 0) {
                ctx.set(Context.CONDITION, "hijacked");
            }
            return data;
        });
        Result result = Experiment.builder("runs").dataSource(new ReplicateSource()).step(overwrite)
                .step(new RecordStep()).treatment(increment("treat", 1)).replicates(2).build().run();

        assertThat(result.errors()).containsOnlyKeys("baseline_rep_0", "treat_rep_0");
        RunFailure failure = result.errors().get("baseline_rep_0");
        assertThat(failure.step()).isEqualTo("Overwrite");
        assertThat(failure.message()).contains("'condition'");
        assertThat(values(result, "baseline")).containsExactly(1);
        assertThat(result.metric("baseline", RecordStep.METRIC).replicates()).containsExactly(1);
    }

    @Test
    void failingSourceRecordsErrorsAndTreatmentsOfThoseReplicatesStillRun() {
        DataSource<Integer> flaky = ctx -> {
            if (ctx.replicate() >= 3 && ctx.condition().equals("baseline")) {
                throw new IllegalStateException("source down for replicate " + ctx.replicate());
            }
            return ctx.replicate() + ctx.getInt("increment");
        };
        Result result = Experiment.builder("runs").dataSource(flaky).parameter("increment", 0)
                .step(new RecordStep()).treatment(increment("treat", 1)).replicates(5).build().run();

        assertThat(values(result, "baseline")).containsExactly(0, 1, 2);
        assertThat(result.errors()).containsOnlyKeys("baseline_rep_3", "baseline_rep_4");
        RunFailure failure = result.errors().get("baseline_rep_3");
        assertThat(failure.type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failure.message()).isEqualTo("source down for replicate 3");
        assertThat(failure.cause()).isInstanceOf(IllegalStateException.class);
        assertThat(values(result, "treat")).containsExactly(1, 2, 3, 4, 5);
        assertThat(result.metric("treat", RecordStep.METRIC).replicates()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void throwingTreatmentFunctionFailsItsRunsAndItsHypothesisReportsNoData() {
        Treatment boom = Treatment.computed("boom", baseline -> {
            throw new IllegalArgumentException("boom");
        });
        Result result = replicateExperiment("runs").replicates(2).treatment(boom).treatment(increment("fine", 1))
                .hypothesis(ON_METRIC).build().run();

        assertThat(result.errors()).containsOnlyKeys("boom_rep_0", "boom_rep_1");
        assertThat(result.errors().get("boom_rep_0").message()).isEqualTo("boom");
        HypothesisResult verified = result.getHypothesis("metric_higher").orElseThrow();
        Verdict onBoom = verified.verdict("boom", RecordStep.METRIC).orElseThrow();
        assertThat(onBoom.status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(onBoom.message()).contains("no data").contains("boom_rep_0");
        assertThat(verified.verdict("fine", RecordStep.METRIC).orElseThrow().status())
                .isEqualTo(Verdict.Status.SUPPORTED);
    }

    @Test
    void computedTreatmentWithUnknownParameterFailsItsRunWithDidYouMean() {
        Treatment typo = Treatment.computed("typo", baseline -> Map.of("incremnt", 1));
        Result result = replicateExperiment("runs").treatment(typo).build().run();

        assertThat(result.errors()).containsOnlyKeys("typo_rep_0");
        assertThat(result.errors().get("typo_rep_0").message())
                .contains("'incremnt'").contains("did you mean 'increment'");
        assertThat(values(result, "baseline")).containsExactly(0);
    }

    @Test
    void invalidExecutionStrategyIsAConfigurationError() {
        assertThatThrownBy(() -> new ParallelExecution(0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("workers must be at least 1");
    }

    @Test
    void failingStepSurfacesAsErrorNamingStepAndCause() {
        Step<Number, Number> broken = Step.of("Broken", (data, ctx) -> {
            throw new ArithmeticException("division by zero");
        });
        Result result = Experiment.builder("runs").dataSource(new ReplicateSource()).step(broken).build().run();

        RunFailure failure = result.errors().get("baseline_rep_0");
        assertThat(failure.step()).isEqualTo("Broken");
        assertThat(failure.type()).isEqualTo(ArithmeticException.class.getName());
        assertThat(failure.describe()).contains("step 'Broken'").contains("division by zero");
        assertThat(failure.stackTrace()).contains("ArithmeticException");
    }
}
