package io.crystallize.samples.performance;

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
 * Real timings: is the JDK's sort faster than insertion sort on 8,000 random ints? Wall-clock
 * times are noisy, so the experiment runs warm-up replicates first (left out of the results),
 * interleaves the conditions so neither always runs first, and compares with a rank test that
 * does not assume normal timings.
 */
@Experiment(replicates = 20, seed = 99, warmupReplicates = 5, interleaved = true)
public class SortSpeedExperiment {

    @Param
    String algorithm = "INSERTION";

    @DataSource
    int[] values(RandomGenerator random) {
        return random.ints(8_000).toArray();
    }

    @Step
    void time(int[] values, Metrics metrics) {
        int[] copy = values.clone();
        long start = System.nanoTime();
        SortAlgorithm.valueOf(algorithm).sort(copy);
        metrics.record("millis", (System.nanoTime() - start) / 1e6);
        if (!isSorted(copy)) {
            throw new IllegalStateException(algorithm + " did not sort");
        }
    }

    private static boolean isSorted(int[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i - 1] > values[i]) {
                return false;
            }
        }
        return true;
    }

    @Treatment(name = "jdk_sort", set = "algorithm=JDK")
    void treatments() {
    }

    @Hypothesis(metric = "millis", direction = Direction.LOWER_IS_BETTER, test = StatisticalTest.MANN_WHITNEY)
    void jdkSortIsFaster() {
    }
}
