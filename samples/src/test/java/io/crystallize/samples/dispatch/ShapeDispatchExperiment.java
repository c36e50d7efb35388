package io.crystallize.samples.dispatch;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.StatisticalTest;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Metrics;
import io.crystallize.hypothesis.Direction;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A timing whose conditions share a JIT profile when they share a JVM: is summing the areas of
 * shapes of one kind faster than of three kinds in random order? Both go through the same
 * interface call. Alone in a JVM, one kind makes that call site monomorphic (the JIT inlines the
 * area); in one JVM with the three-kind condition the site has seen three receivers, and the one
 * kind pays a virtual call too. Run in-process (the default) and with fresh forks per condition
 * ({@code -Dcrystallize.execution.forks=2 -Dcrystallize.execution.forks.fresh=2}), the verdict
 * holds both ways, but its effect and spread differ: the comparison is in benchmarks/README.md.
 */
@Experiment(replicates = 20, seed = 11, warmupReplicates = 5, interleaved = true)
public class ShapeDispatchExperiment {

    private static final int SHAPES = 50_000;
    private static final int PASSES = 20;

    @Param
    int kinds = 3;

    @DataSource
    long shapesSeed(RandomGenerator random) {
        return random.nextLong();
    }

    @Step
    void sumAreas(long shapesSeed, Metrics metrics) {
        Shape[] shapes = Shape.random(kinds, SHAPES, new SplittableRandom(shapesSeed));
        long start = System.nanoTime();
        double total = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            total += Shape.totalArea(shapes);
        }
        metrics.record("nanos_per_call", (System.nanoTime() - start) / (double) (PASSES * SHAPES));
        if (!(total > 0)) {
            throw new IllegalStateException("areas summed to " + total);
        }
    }

    @Treatment(name = "one_kind", set = "kinds=1")
    void treatments() {
    }

    @Hypothesis(metric = "nanos_per_call", direction = Direction.LOWER_IS_BETTER, test = StatisticalTest.MANN_WHITNEY)
    void oneKindIsFaster() {
    }
}
