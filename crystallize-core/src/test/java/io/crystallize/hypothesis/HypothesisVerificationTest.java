package io.crystallize.hypothesis;

import static io.crystallize.testing.Fixtures.increment;
import static io.crystallize.testing.Fixtures.replicateExperiment;
import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.core.Experiment;
import io.crystallize.core.ExecutionOptions;
import io.crystallize.internal.json.Json;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REFERENCE-BEHAVIOUR item 19 and issue 2's bad input that reaches the verdicts. */
class HypothesisVerificationTest {

    @TempDir
    Path root;

    /** The fixture's values are replicate + increment: deterministic, with constant paired differences. */
    private static final Hypothesis ON_METRIC = Hypothesis.on(RecordStep.METRIC).name("good").deterministic().build();

    private static Verdict only(Result result, String hypothesis) {
        HypothesisResult verified = result.getHypothesis(hypothesis).orElseThrow();
        assertThat(verified.verdicts()).hasSize(1);
        return verified.verdicts().get(0);
    }

    @Test
    void throwingVerifierFailsOnlyItsHypothesisWithTheCause() {
        Verifier broken = (samples, question) -> {
            throw new ArithmeticException("singular matrix");
        };
        Result result = replicateExperiment("verify").replicates(3).treatment(increment("treat", 1))
                .hypothesis(Hypothesis.on(RecordStep.METRIC).name("broken").verifier(broken).build())
                .hypothesis(ON_METRIC).build().run();

        Verdict failed = only(result, "broken");
        assertThat(failed.status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(failed.message()).contains("singular matrix");
        assertThat(failed.error()).contains("ArithmeticException");
        assertThat(only(result, "good").status()).isEqualTo(Verdict.Status.SUPPORTED);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void malformedVerdictOfACustomVerifierIsAnErrorVerdictAndTheResultSurvives() {
        Verifier malformed = (samples, question) -> Verdict.builder(null, null).status(null).build();
        Result result = replicateExperiment("verify").replicates(3).treatment(increment("treat", 1))
                .hypothesis(Hypothesis.on(RecordStep.METRIC).name("malformed").verifier(malformed).build())
                .hypothesis(ON_METRIC).build().run();

        Verdict failed = only(result, "malformed");
        assertThat(failed.status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(failed.treatment()).isEqualTo("treat");
        assertThat(failed.message()).contains("'malformed' could not be evaluated");
        assertThat(only(result, "good").status()).isEqualTo(Verdict.Status.SUPPORTED);
        assertThat(result.metric("treat", RecordStep.METRIC).values()).containsExactly(1, 2, 3);
    }

    @Test
    void metricNobodyRecordsIsAnErrorVerdictNamingTheRecordedMetricsAndResultsAreStillWritten() throws IOException {
        // tolerated failures let the runs go on (a first run without the metric may be a tolerated miss);
        // without them the first run already fails the execution (FirstRunCheckTest)
        Result result = replicateExperiment("verify").replicates(3).treatment(increment("treat", 1))
                .hypothesis(Hypothesis.on("metrik").name("typo").build()).hypothesis(ON_METRIC)
                .options(ExecutionOptions.defaults().withToleratedFailureFraction(0.5))
                .plugin(new ArtifactPlugin(root)).build().run();

        Verdict typo = only(result, "typo");
        assertThat(typo.status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(typo.message()).contains("'metrik'").contains("never recorded").contains("did you mean 'metric'");
        assertThat(only(result, "good").status()).isEqualTo(Verdict.Status.SUPPORTED);
        var written = Result.fromJson(java.nio.file.Files.readString(root.resolve("verify/v0/result.json")));
        assertThat(written.getHypothesis("typo").orElseThrow().verdicts().get(0).status()).isEqualTo(Verdict.Status.ERROR);
    }

    @Test
    void nanMetricsGiveAnInconclusiveVerdictSayingWhy() {
        Step<Number, Number> nanOnTwo = Step.of("NanOnTwo", (data, ctx) -> {
            ctx.metrics().record("score", ctx.replicate() == 2 ? Double.NaN : data.doubleValue());
            return data;
        });
        Result result = Experiment.builder("verify").dataSource(new ReplicateSource()).step(nanOnTwo)
                .treatment(increment("treat", 1)).hypothesis(Hypothesis.on("score").name("score").build())
                .replicates(4).build().run();

        Verdict verdict = only(result, "score");
        assertThat(verdict.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(verdict.message()).contains("NaN").contains("'score'");
        assertThat(result.metric("baseline", "score").values()).containsExactly(0, 1, Double.NaN, 3);
    }

    @Test
    void severalValuesPerRunWithoutAnAggregateIsAnErrorNamingTheMetric() {
        // from the second replicate on: a first run recording twice fails the execution at once (FirstRunCheckTest)
        Step<Number, Number> twice = Step.of("Twice", (data, ctx) -> {
            ctx.metrics().record("loss", data.doubleValue());
            if (ctx.replicate() > 0) {
                ctx.metrics().record("loss", data.doubleValue() + 1);
            }
            return data;
        });
        Experiment.Builder builder = Experiment.builder("verify").dataSource(new ReplicateSource()).step(twice)
                .treatment(increment("treat", 1)).replicates(3);
        Result result = builder.hypothesis(Hypothesis.on("loss").name("single").build())
                .hypothesis(Hypothesis.on("loss").name("mean").aggregate(Aggregate.MEAN).deterministic().build())
                .build().run();

        Verdict single = only(result, "single");
        assertThat(single.status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(single.message()).contains("'loss'").contains("recorded 2 times").contains("aggregate");
        Verdict mean = only(result, "mean");
        assertThat(mean.status()).isEqualTo(Verdict.Status.SUPPORTED);
        assertThat(mean.baselineMean()).isEqualTo((0 + 1.5 + 2.5) / 3);
    }

    @Test
    void severalMetricsGiveOneVerdictEachAndPassOnlyTogether() {
        Step<Number, Number> two = Step.of("Two", (data, ctx) -> {
            ctx.metrics().record("up", data.doubleValue());
            ctx.metrics().record("flat", ctx.replicate());
            return data;
        });
        Result result = Experiment.builder("verify").dataSource(new ReplicateSource()).step(two)
                .treatment(increment("treat", 1))
                .hypothesis(Hypothesis.on("up", "flat").name("both").deterministic().build())
                .replicates(3).build().run();

        HypothesisResult both = result.getHypothesis("both").orElseThrow();
        assertThat(both.verdicts()).hasSize(2);
        assertThat(both.verdict("treat", "up").orElseThrow().status()).isEqualTo(Verdict.Status.SUPPORTED);
        assertThat(both.verdict("treat", "flat").orElseThrow().status()).isEqualTo(Verdict.Status.NOT_SUPPORTED);
        assertThat(both.supported("treat")).isFalse();
        assertThat(both.message("treat")).contains("up:").contains("flat:");
    }

    @Test
    void missingRunsAreAnErrorByDefaultNamingThem() {
        Step<Number, Number> failOnOne = Step.of("FailOnOne", (data, ctx) -> {
            if (ctx.replicate() == 1 && ctx.condition().equals("treat")) {
                throw new IllegalStateException("flaky");
            }
            return data;
        });
        Result result = Experiment.builder("verify").dataSource(new ReplicateSource()).step(failOnOne)
                .step(new RecordStep()).treatment(increment("treat", 1)).hypothesis(ON_METRIC).replicates(4)
                .build().run();

        Verdict verdict = only(result, "good");
        assertThat(verdict.status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(verdict.message()).contains("treat_rep_1").contains("flaky");
        assertThat(Json.MAPPER.readTree(result.toJson()).get("errors").has("treat_rep_1")).isTrue();
    }
}
