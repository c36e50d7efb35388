package io.crystallize.samples.cache;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Metrics;
import io.crystallize.hypothesis.Expectation;
import java.util.random.RandomGenerator;

/**
 * Which eviction policy serves a skewed workload best? Every replicate draws one seeded Zipf
 * workload and replays it through LRU (the baseline), FIFO and LFU, so the conditions of a
 * replicate see the same requests and the default test pairs them.
 */
@Experiment(replicates = 30, seed = 2026)
public class CacheEvictionExperiment {

    static final ZipfWorkload WORKLOAD = new ZipfWorkload(5_000, 0.9);

    @Param
    String policy = "LRU";

    @Param
    int capacity = 200;

    @DataSource
    int[] requests(RandomGenerator random) {
        return WORKLOAD.requests(20_000, random);
    }

    @Step
    void replay(int[] requests, Metrics metrics) {
        metrics.record("hit_rate", EvictionPolicy.valueOf(policy).hitRatePercent(requests, capacity));
    }

    @Treatment(name = "fifo", set = "policy=FIFO")
    @Treatment(name = "lfu", set = "policy=LFU")
    void policies() {
    }

    /** LRU beats FIFO: FIFO's hit rate is lower than the LRU baseline's. */
    @Hypothesis(metric = "hit_rate", expect = Expectation.Kind.WORSE, treatments = "fifo")
    void lruBeatsFifo() {
    }

    /** LFU is not worse than LRU by more than 2 percentage points (non-inferiority). */
    @Hypothesis(metric = "hit_rate", expect = Expectation.Kind.NOT_WORSE_BY_MORE_THAN, margin = 2.0,
            treatments = "lfu")
    void lfuNotWorseThanLru() {
    }
}
