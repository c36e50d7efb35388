package io.crystallize.core;

import static io.crystallize.testing.Fixtures.increment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import io.crystallize.hypothesis.Aggregate;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.plugins.ParallelExecution;
import io.crystallize.testing.ReplicateSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the first complete run of a condition shows about every run fails the execution then,
 * not after all replicates: a hypothesis metric it did not record, or recorded several times
 * without an aggregate.
 */
class FirstRunCheckTest {

    private final AtomicInteger runs = new AtomicInteger();

    /** Records {@code latency} {@code times} times per run (the per-request case), and counts runs. */
    private Step<Number, Number> latency(int times) {
        return Step.of("Serve", (data, ctx) -> {
            runs.incrementAndGet();
            for (int i = 0; i < times; i++) {
                ctx.metrics().record("latency", data.doubleValue() + i);
            }
            return data;
        });
    }

    private Experiment.Builder experiment(Step<Number, Number> step) {
        return Experiment.builder("fail-fast").dataSource(new ReplicateSource()).step(step)
                .treatment(increment("lru", 1)).replicates(50);
    }

    @Test
    void aMetricRecordedManyTimesWithoutAnAggregateFailsAfterTheFirstRun() {
        Experiment experiment = experiment(latency(2000)).hypothesis(Hypothesis.on("latency").name("lruFaster")
                .build()).build();

        assertThatThrownBy(experiment::run).isInstanceOf(ConfigurationException.class)
                .hasMessage("metric 'latency' was recorded 2000 times in run baseline_rep_0, but hypothesis 'lruFaster' "
                        + "uses one value per run: declare how to aggregate them (e.g. @Hypothesis(aggregate = "
                        + "Aggregate.MEAN), or Hypothesis.Builder.aggregate(Aggregate.MEAN)), or record one value "
                        + "per run");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aHypothesisMetricTheFirstRunDidNotRecordFailsAfterThatRunNamingWhatItRecorded() {
        Experiment experiment = experiment(latency(1)).hypothesis(Hypothesis.on("latency").name("fine").build())
                .hypothesis(Hypothesis.on("latancy").name("typo").treatments("lru").build()).build();

        assertThatThrownBy(experiment::run).isInstanceOf(ConfigurationException.class)
                .hasMessage("metric 'latancy' of hypothesis 'typo' was not recorded by run baseline_rep_0 (did you mean "
                        + "'latency'?); it recorded [latency]: record it in every run, or name a recorded metric in "
                        + "the hypothesis");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aggregatedMetricsAndToleratedMissesRunEveryReplicate() {
        Result aggregated = experiment(latency(3)).hypothesis(Hypothesis.on("latency").name("mean")
                .aggregate(Aggregate.MEAN).deterministic().build()).build().run();
        assertThat(runs).hasValue(100);
        assertThat(aggregated.getHypothesis("mean").orElseThrow().supported("lru")).isTrue();

        runs.set(0);
        Step<Number, Number> skipsFirst = Step.of("Serve", (data, ctx) -> {
            runs.incrementAndGet();
            if (ctx.replicate() > 0) {
                ctx.metrics().record("latency", data.doubleValue());
            }
            return data;
        });
        experiment(skipsFirst).hypothesis(Hypothesis.on("latency").name("tolerant").build())
                .options(ExecutionOptions.defaults().withToleratedFailureFraction(0.1)).build().run();
        assertThat(runs).hasValue(100);
    }

    @Test
    void parallelRunsStopStartingOnceAFirstRunShowedTheMistake() {
        Experiment experiment = experiment(latency(2)).hypothesis(Hypothesis.on("latency").name("single").build())
                .plugin(new ParallelExecution(2)).build();

        assertThatThrownBy(experiment::run).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("metric 'latency' was recorded 2 times in run ");
        assertThat(runs.get()).isLessThan(10);
    }
}
