package io.crystallize.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.hypothesis.Verifiers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentSmokeTest {

    @Test
    void treatmentRaisesTotal() {
        Experiment experiment = Experiment.builder("smoke")
                .dataSource(DataSource.of(ctx -> new double[] {0, 0, 0}))
                .parameter("delta", 0.0)
                .step(Step.<double[], double[]>of("add", (data, ctx) -> {
                    var rng = Seeds.generator(ctx.seed() * 31 + ctx.condition().hashCode());
                    double[] out = data.clone();
                    for (int i = 0; i < out.length; i++) {
                        out[i] += ctx.getDouble("delta") + rng.nextDouble();
                    }
                    return out;
                }))
                .step(Step.<double[], double[]>of("total", (data, ctx) -> {
                    double s = 0;
                    for (double v : data) {
                        s += v;
                    }
                    ctx.metrics().record("total", s);
                    return data;
                }))
                .treatment("ten", Map.of("delta", 10))
                .hypothesis(Hypothesis.on("total").verifier(Verifiers.welch()).build())
                .replicates(10)
                .build();
        Result result = experiment.run();
        assertThat(result.errors()).isEmpty();
        Verdict v = result.getHypothesis("total").orElseThrow().verdicts().get(0);
        System.out.println(v.message());
        assertThat(v.status()).isEqualTo(Verdict.Status.SUPPORTED);
        System.out.println(result.toJson().substring(0, 600));
        assertThat(Result.fromJson(result.toJson())).isEqualTo(result);
    }
}
