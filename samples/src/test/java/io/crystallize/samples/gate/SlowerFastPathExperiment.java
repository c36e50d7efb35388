package io.crystallize.samples.gate;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.StatisticalTest;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Metrics;
import io.crystallize.hypothesis.Direction;
import java.util.random.RandomGenerator;

/**
 * The gate demonstration: a "fast path" that is in fact several times slower than the code it
 * replaces. Its hypothesis fails every time, which fails the build — run it with
 * {@code mvn -pl samples -am verify -Pgate-demo}. Excluded from the default build.
 */
@Experiment(replicates = 15, seed = 5, warmupReplicates = 3, interleaved = true)
public class SlowerFastPathExperiment {

    @Param
    boolean fastPath = false;

    @DataSource
    long[] values(RandomGenerator random) {
        return random.longs(200_000, 0, 1_000).toArray();
    }

    @Step
    void sum(long[] values, Metrics metrics) {
        long start = System.nanoTime();
        long total = fastPath ? boxedSum(values) : primitiveSum(values);
        metrics.record("millis", (System.nanoTime() - start) / 1e6);
        if (total < 0) {
            throw new IllegalStateException("overflow");
        }
    }

    private static long primitiveSum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    /** The "optimisation": boxing every value into a list first. */
    private static long boxedSum(long[] values) {
        java.util.List<Long> boxed = new java.util.ArrayList<>(values.length);
        for (long v : values) {
            boxed.add(v);
        }
        return boxed.stream().mapToLong(Long::longValue).sum();
    }

    @Treatment(name = "fast_path", set = "fastPath=true")
    void treatments() {
    }

    @Hypothesis(metric = "millis", direction = Direction.LOWER_IS_BETTER, test = StatisticalTest.MANN_WHITNEY)
    void fastPathIsFaster() {
    }
}
