package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import io.crystallize.base.RunFailure;
import io.crystallize.hypothesis.Aggregate;
import io.crystallize.hypothesis.Hypothesis;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Looks at the first complete run of each condition for what every run would repeat, so a
 * mistake fails the execution after one run instead of after all of them: a metric a hypothesis
 * needs that the run did not record (unless failed runs are tolerated, when a missing value may
 * be one of them), or recorded several times although the hypothesis takes one value per run.
 * Thread-safe: runs of one execution may finish on several threads.
 */
final class FirstRunCheck {

    private final String[] conditions;
    private final List<List<Need>> needs;
    private final boolean missingAllowed;
    private final AtomicBoolean[] checked;
    private final AtomicReference<ConfigurationException> failure = new AtomicReference<>();

    /** A metric a hypothesis verifies on a condition. */
    private record Need(String metric, String hypothesis, boolean oneValuePerRun) {
    }

    /**
     * @param conditions condition names in run order, baseline first when it runs
     * @param treatments the execution's treatment names
     * @param tolerated  the fraction of failed runs hypotheses tolerate
     */
    FirstRunCheck(String[] conditions, List<String> treatments, List<Hypothesis> hypotheses, double tolerated) {
        this.conditions = conditions.clone();
        this.missingAllowed = tolerated > 0;
        this.checked = new AtomicBoolean[conditions.length];
        this.needs = new ArrayList<>(conditions.length);
        for (String condition : conditions) {
            List<Need> own = new ArrayList<>();
            for (Hypothesis h : hypotheses) {
                boolean covers = Names.BASELINE.equals(condition) || h.verifier().comparesAllConditions()
                        || h.coveredTreatments(treatments).contains(condition);
                if (covers) {
                    for (String metric : h.metrics()) {
                        own.add(new Need(metric, h.name(), h.aggregate() == Aggregate.SINGLE));
                    }
                }
            }
            needs.add(own);
        }
        for (int c = 0; c < checked.length; c++) {
            checked[c] = new AtomicBoolean(needs.get(c).isEmpty());
        }
    }

    /** True once a first run showed a mistake: no further run should start. */
    boolean failed() {
        return failure.get() != null;
    }

    /** Checks {@code record} when it is the first complete run of its condition. */
    void afterRun(int condition, int replicate, RunRecord record) {
        if (record.failure() != null || checked[condition].get() || !checked[condition].compareAndSet(false, true)) {
            return;
        }
        Metrics metrics = record.metrics();
        String run = RunFailure.key(conditions[condition], replicate);
        List<String> problems = new ArrayList<>();
        for (Need need : needs.get(condition)) {
            int count = metrics.count(need.metric());
            if (count == 0 && !missingAllowed) {
                Set<String> recorded = metrics.names();
                problems.add("metric '" + need.metric() + "' of hypothesis '" + need.hypothesis()
                        + "' was not recorded by run " + run + Names.didYouMean(need.metric(), recorded)
                        + "; it recorded " + (recorded.isEmpty() ? "no metric" : recorded)
                        + ": record it in every run, or name a recorded metric in the hypothesis");
            } else if (count > 1 && need.oneValuePerRun()) {
                problems.add("metric '" + need.metric() + "' was recorded " + count + " times in run " + run
                        + ", but hypothesis '" + need.hypothesis() + "' uses one value per run: declare how to "
                        + "aggregate them (e.g. @Hypothesis(aggregate = Aggregate.MEAN), or Hypothesis.Builder"
                        + ".aggregate(Aggregate.MEAN)), or record one value per run");
            }
        }
        if (!problems.isEmpty()) {
            failure.compareAndSet(null, new ConfigurationException(problems));
        }
    }

    /** Throws what a first run showed, if anything. */
    void throwIfFailed() {
        ConfigurationException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
