package io.crystallize.samples.builder;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.hypothesis.Expectation;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.plugins.ParallelExecution;
import java.nio.file.Path;
import java.util.Map;

/**
 * An experiment written with the programmatic builder, no annotations: does a 10% discount
 * raise revenue per customer, given that cheaper prices convert more visitors? Run it as a plain
 * {@code main}; it prints each verdict and exits non-zero when a hypothesis is not supported.
 */
public final class BuilderApiExample {

    private BuilderApiExample() {
    }

    public static void main(String[] args) {
        System.exit(run(Path.of(args.length > 0 ? args[0] : "target/crystallize")) ? 0 : 1);
    }

    /** Runs the experiment with results under {@code root}, prints the verdicts, and says whether all were supported. */
    public static boolean run(Path root) {
        Experiment experiment = Experiment.builder("discount")
                .dataSource(DataSource.of(ctx -> ctx.random().doubles(2_000, 0, 1).toArray()))
                .parameter("discount", 0.0)
                .step(Step.<double[], double[]>of("purchases", (visitors, ctx) -> {
                    double discount = ctx.getDouble("discount");
                    double price = 40 * (1 - discount);
                    double conversion = 0.05 + 0.4 * discount; // cheaper converts better
                    double[] revenue = new double[visitors.length];
                    for (int i = 0; i < visitors.length; i++) {
                        revenue[i] = visitors[i] < conversion ? price : 0;
                    }
                    return revenue;
                }))
                .step(Step.<double[], double[]>of("revenue", (revenue, ctx) -> {
                    double total = 0;
                    for (double r : revenue) {
                        total += r;
                    }
                    ctx.metrics().record("revenue_per_visitor", total / revenue.length);
                    return revenue;
                }))
                .treatment(Treatment.of("ten_percent", Map.of("discount", 0.10)))
                .hypothesis(Hypothesis.on("revenue_per_visitor").name("discount_raises_revenue")
                        .expect(Expectation.better()).build())
                .plugin(new ArtifactPlugin(root))
                .plugin(new ParallelExecution(2))
                .replicates(30)
                .seed(1)
                .build();

        Result result = experiment.run();
        boolean allSupported = true;
        for (HypothesisResult hypothesis : result.hypotheses()) {
            for (Verdict verdict : hypothesis.verdicts()) {
                System.out.println(verdict.message());
                allSupported &= verdict.isSupported();
            }
        }
        return allSupported;
    }
}
