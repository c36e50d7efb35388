package io.crystallize.hypothesis;

import io.crystallize.base.MetricSeries;
import io.crystallize.base.RunFailure;
import java.util.Map;

/**
 * What hypotheses are verified on: every condition's metric series, the failed runs, the number
 * of replicates, whether conditions shared seeds, and the tolerated fraction of missing runs.
 */
public record Evidence(Map<String, Map<String, MetricSeries>> metrics, Map<String, RunFailure> failures,
        int replicates, boolean sharedSeeds, double toleratedFailureFraction) {

    public Map<String, MetricSeries> metrics(String condition) {
        return metrics.getOrDefault(condition, Map.of());
    }
}
