package io.crystallize.testing;

import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.base.Seeds;
import io.crystallize.core.Step;
import java.util.random.RandomGenerator;

/**
 * Issue 2's experiment: source {@code [0, 0, 0]}, a step adding parameter {@code delta} (default
 * 0) plus uniform noise in [0, 1) to each value, a step recording {@code total = sum}.
 */
public final class DeltaNoise {

    public static final String DELTA = "delta";
    public static final String TOTAL = "total";

    private DeltaNoise() {
    }

    /**
     * @param sharedNoise {@code true}: noise from the run's generator, the same for every condition
     *                    of a replicate (common random numbers); {@code false}: a generator seeded
     *                    by replicate and condition, so the sides are independent
     */
    public static Experiment.Builder experiment(String name, boolean sharedNoise) {
        return Experiment.builder(name)
                .dataSource(zeros())
                .parameter(DELTA, 0.0)
                .step(addDeltaPlusNoise(sharedNoise))
                .step(total());
    }

    public static DataSource<double[]> zeros() {
        return ctx -> new double[] {0, 0, 0};
    }

    public static Step<double[], double[]> addDeltaPlusNoise(boolean sharedNoise) {
        return Step.of("AddDeltaPlusNoise", (data, ctx) -> {
            RandomGenerator noise = sharedNoise ? ctx.random() : independent(ctx);
            double delta = ctx.getDouble(DELTA);
            double[] out = data.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] += delta + noise.nextDouble();
            }
            return out;
        });
    }

    private static RandomGenerator independent(Context ctx) {
        return Seeds.generator(ctx.seed() * 1_000_003L + ctx.condition().hashCode());
    }

    public static Step<double[], double[]> total() {
        return Step.of("Total", (data, ctx) -> {
            double sum = 0;
            for (double v : data) {
                sum += v;
            }
            ctx.metrics().record(TOTAL, sum);
            return data;
        });
    }
}
