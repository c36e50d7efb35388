package io.crystallize.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.base.ConfigurationException;
import io.crystallize.hypothesis.Expectation;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.hypothesis.Verifier;
import io.crystallize.hypothesis.Verifiers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AaCalibrationTest {

    /** Each run records standard normal noise plus parameter "effect"; treatment "big" sets it to 100. */
    private static Experiment.Builder noisy(String name, SeedPlugin seeds) {
        return Experiment.builder(name)
                .dataSource(DataSource.of(ctx -> ctx.random().nextGaussian()))
                .parameter("effect", 0.0)
                .step(Step.<Double, Double>of("record", (noise, ctx) -> {
                    ctx.metrics().record("m", noise + ctx.getDouble("effect"));
                    return noise;
                }))
                .treatment(Treatment.of("big", Map.of("effect", 100.0)))
                .replicates(10)
                .plugin(seeds);
    }

    @Test
    void treatmentsBecomeCopiesOfTheBaselineAndASoundGateStaysWithinAlpha() {
        Experiment experiment = noisy("welch_gate", new SeedPlugin(3).independentConditions())
                .hypothesis(Hypothesis.on("m").name("raises").expect(Expectation.better()).build())
                .build();
        assertThat(experiment.run().getHypothesis("raises").orElseThrow().supported("big")).isTrue();

        AaCalibration.Report report = AaCalibration.of(experiment).run(400);
        AaCalibration.HypothesisCalibration raises = report.hypothesis("raises");
        assertThat(raises.nullHolds()).isTrue();
        assertThat(raises.executions()).isEqualTo(400);
        // Welch at alpha 0.05 on normal data: about 20 of 400; the bound is alpha + 3.5 SE (0.088)
        assertThat(raises.falsePositiveRate()).isBetween(0.02, 0.088);
        assertThat(raises.supportedByTreatment()).containsEntry("big", raises.supported());
        assertThat(raises.exceedsAlpha()).isFalse();
        assertThat(report.summary()).contains("A/A calibration of welch_gate: 400 executions of 10 replicates")
                .contains("raises (better): false positives " + raises.supported() + "/400");
    }

    @Test
    void aGateThatMistakesNoiseForAnEffectIsCaught() {
        // "supported whenever the treatment's mean is higher": no test at all, a coin flip when nothing changes
        Verifier naive = (samples, question) -> Verdict.builder(samples.metric(), samples.treatment())
                .status(mean(samples.treatmentValues()) > mean(samples.baseline()) ? Verdict.Status.SUPPORTED
                        : Verdict.Status.NOT_SUPPORTED)
                .build();
        Experiment experiment = noisy("naive_gate", new SeedPlugin(5).independentConditions())
                .hypothesis(Hypothesis.on("m").name("naive").verifier(naive).build())
                .build();

        AaCalibration.HypothesisCalibration naiveGate = AaCalibration.of(experiment).run(200).hypothesis("naive");

        assertThat(naiveGate.falsePositiveRate()).isBetween(0.35, 0.65);
        assertThat(naiveGate.exceedsAlpha()).isTrue();
        assertThat(naiveGate.summary()).contains("ABOVE ALPHA");
    }

    @Test
    void freshSeedsEveryExecutionTheSeedFunctionKeptAndTheSameReportEveryTime() {
        List<Long> seen = new ArrayList<>();
        Experiment experiment = noisy("seeded", new SeedPlugin(7).withSeedFunction(seen::add))
                .replicates(2)
                .hypothesis(Hypothesis.on("m").name("raises").build())
                .build();

        AaCalibration.Report first = AaCalibration.of(experiment).run(3);
        List<Long> firstSeeds = List.copyOf(seen);
        seen.clear();
        AaCalibration.Report second = AaCalibration.of(experiment).run(3);

        assertThat(second).isEqualTo(first);
        assertThat(seen).isEqualTo(firstSeeds);
        // 3 executions × 2 replicates × 2 conditions; conditions of a replicate share its seed
        assertThat(firstSeeds).hasSize(12);
        assertThat(firstSeeds.stream().distinct()).hasSize(6).doesNotContain(7L, 7L + 31337L);
    }

    @Test
    void calibratingWritesNoResults(@TempDir Path root) throws Exception {
        Experiment experiment = noisy("stored", new SeedPlugin(1))
                .plugin(new ArtifactPlugin(root))
                .hypothesis(Hypothesis.on("m").name("raises").build())
                .build();

        AaCalibration.of(experiment).run(2);

        try (var files = Files.walk(root)) {
            assertThat(files.filter(p -> !p.equals(root))).isEmpty();
        }
    }

    @Test
    void marginHypothesesAreNotCountedAsFalsePositives() {
        Experiment experiment = noisy("margins", new SeedPlugin(2))
                .hypothesis(Hypothesis.on("m").name("not_worse").expect(Expectation.notWorseByMoreThan(1.0))
                        .verifier(Verifiers.pairedT()).build())
                .build();

        AaCalibration.HypothesisCalibration notWorse = AaCalibration.of(experiment).run(50).hypothesis("not_worse");

        assertThat(notWorse.nullHolds()).isFalse();
        assertThat(notWorse.falsePositiveRate()).isNaN();
        assertThat(notWorse.exceedsAlpha()).isFalse();
        assertThat(notWorse.summary()).contains("when nothing changes (inside the margin, so not false positives)");
    }

    @Test
    void badInputIsNamed() {
        Experiment withoutHypotheses = noisy("plain", new SeedPlugin(1)).build();
        assertThatThrownBy(() -> AaCalibration.of(withoutHypotheses).run(0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at least 1 execution, got 0")
                .hasMessageContaining("experiment 'plain' has no hypothesis to calibrate");
        Experiment experiment = noisy("named", new SeedPlugin(1))
                .hypothesis(Hypothesis.on("m").name("raises").build()).build();
        assertThatThrownBy(() -> AaCalibration.of(experiment).run(1).hypothesis("rises"))
                .hasMessageContaining("no hypothesis 'rises'").hasMessageContaining("[raises]");
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
