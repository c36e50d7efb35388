package io.crystallize.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.base.MetricSeries;
import io.crystallize.base.Seeds;
import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded simulations of two error rates issue 19 measured as wrong: the level of a relative
 * margin at its boundary (was 0.066–0.096 for a nominal 0.05) and the power at the reported
 * minimal detectable effect in a Holm family of four (was 0.52–0.57 for a nominal 0.80). Bounds
 * are three Monte-Carlo standard errors around the nominal rate.
 */
class VerdictRulesSimulationTest {

    private static final int LEVEL_TRIALS = 2000;

    /**
     * Lower is better; "not worse by more than m%" with the treatment's mean exactly (1 + m) times
     * the baseline's, both with a coefficient of variation of 0.2, 10 replicates each.
     */
    @ParameterizedTest(name = "margin {0}%, paired {1}")
    @CsvSource({"50, false", "20, false", "50, true", "20, true"})
    void aRelativeMarginHoldsItsLevelAtTheBoundary(int percent, boolean paired) {
        RandomGenerator random = Seeds.generator(percent * 31L + (paired ? 1 : 0));
        double ratio = 1 + percent / 100.0;
        Verifier.Question question = new Verifier.Question(Expectation.notWorseByMoreThan(percent).asRelative(),
                Direction.LOWER_IS_BETTER, 0.05);
        int supported = 0;
        for (int trial = 0; trial < LEVEL_TRIALS; trial++) {
            double[] baseline = new double[10];
            double[] treatment = new double[10];
            for (int i = 0; i < 10; i++) {
                baseline[i] = 10 * (1 + 0.2 * random.nextGaussian());
                // paired: the treatment moves with its replicate's baseline (shared seeds), plus noise of its own
                double own = 10 * ratio * (1 + 0.2 * random.nextGaussian());
                treatment[i] = paired ? 0.6 * ratio * baseline[i] + 0.4 * own : own;
            }
            Samples samples = paired ? Samples.paired("latency", "t", baseline, treatment)
                    : Samples.of("latency", "t", baseline, treatment);
            if (Verifiers.defaultTest().verify(samples, question).isSupported()) {
                supported++;
            }
        }
        double rate = supported / (double) LEVEL_TRIALS;
        double se = Math.sqrt(0.05 * 0.95 / LEVEL_TRIALS);
        assertThat(rate).as("false SUPPORTED at the margin's boundary").isBetween(0.05 - 3 * se, 0.05 + 3 * se);
    }

    /**
     * Four treatments under Holm (the default), shared seeds, 10 replicates; one treatment's true
     * effect is the minimal detectable effect its verdict reports, the others have none. That
     * treatment must be SUPPORTED in at least 80% of experiments (Holm rejects at least what
     * Bonferroni's alpha / 4 does, the level the MDE is computed at). The MDE is read from an
     * experiment run through the builder; the experiments counted are the same hypothesis
     * evaluated on simulated evidence, which takes a fraction of the time.
     */
    @Test
    void theReportedMdeIsDetectedWithEightyPercentPowerUnderHolm() {
        double sdOfDifferences = Math.sqrt(2);
        Verdict reported = holmFamily(1, 0).getHypothesis("faster").orElseThrow().verdict("real", "score").orElseThrow();
        assertThat(reported.method()).contains("at 0.0125 = alpha 0.05 / 4 verdicts (Holm");
        double effect = reported.mdeStandardized() * sdOfDifferences;

        List<String> treatments = List.of("real", "null_a", "null_b", "null_c");
        Hypothesis faster = Hypothesis.on("score").name("faster").build();
        RandomGenerator random = Seeds.generator(19);
        int trials = 800;
        int supported = 0;
        for (int trial = 0; trial < trials; trial++) {
            double[] shared = new double[10];
            for (int r = 0; r < 10; r++) {
                shared[r] = random.nextGaussian();
            }
            Map<String, Map<String, MetricSeries>> metrics = new LinkedHashMap<>();
            metrics.put("baseline", scores(shared, 0, random));
            metrics.put("real", scores(shared, effect, random));
            for (String t : treatments.subList(1, 4)) {
                metrics.put(t, scores(shared, 0, random));
            }
            if (faster.evaluate(new Evidence(metrics, Map.of(), 10, true, 0), treatments).supported("real")) {
                supported++;
            }
        }
        double power = supported / (double) trials;
        double se = Math.sqrt(0.8 * 0.2 / trials);
        // Holm is a little more powerful than Bonferroni: allow that above the nominal 80%
        assertThat(power).as("power at the reported MDE").isBetween(0.8 - 3 * se, 0.8 + 3 * se + 0.03);
    }

    private static Map<String, MetricSeries> scores(double[] shared, double effect, RandomGenerator random) {
        double[] values = new double[shared.length];
        int[] replicates = new int[shared.length];
        for (int r = 0; r < shared.length; r++) {
            values[r] = shared[r] + effect + random.nextGaussian();
            replicates[r] = r;
        }
        return Map.of("score", new MetricSeries(values, replicates));
    }

    /** score = shared noise + effect + the condition's own noise: paired differences with SD √2. */
    private static Result holmFamily(long seed, double effect) {
        Step<Object, Object> score = Step.of("Score", (data, ctx) -> {
            RandomGenerator own = Seeds.generator(ctx.seed() * 1_000_003L + ctx.condition().hashCode());
            ctx.metrics().record("score", ctx.random().nextGaussian() + ctx.getDouble("effect") + own.nextGaussian());
            return data;
        });
        return Experiment.builder("holm").dataSource(ctx -> 0).parameter("effect", 0.0).step(score).seed(seed)
                .treatment(Treatment.of("real", Map.of("effect", effect)))
                .treatment(Treatment.of("null_a", Map.of("effect", 0.0)))
                .treatment(Treatment.of("null_b", Map.of("effect", 0.0)))
                .treatment(Treatment.of("null_c", Map.of("effect", 0.0)))
                .hypothesis(Hypothesis.on("score").name("faster").build())
                .replicates(10).build().run();
    }
}
