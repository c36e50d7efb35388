package io.crystallize.validity;

import io.crystallize.hypothesis.Verdict;
import java.util.List;

/** Counts of one scenario while its experiments run. */
final class Tally {

    private final Scenario scenario;
    private int experiments;
    private int trials;
    private int hits;
    private int inconclusive;
    private int errors;
    private String firstError = "";

    Tally(Scenario scenario) {
        this.scenario = scenario;
    }

    /** One verdict whose SUPPORTED is the event counted (a false positive, or a detection). */
    void supported(Verdict verdict) {
        supported(List.of(verdict));
    }

    /** A family of verdicts: the event is "any of them SUPPORTED". */
    void supported(List<Verdict> family) {
        experiments++;
        trials++;
        boolean any = false;
        boolean undecided = false;
        Verdict failed = null;
        for (Verdict v : family) {
            any |= v.status() == Verdict.Status.SUPPORTED;
            undecided |= v.status() == Verdict.Status.INCONCLUSIVE;
            failed = failed == null && v.status() == Verdict.Status.ERROR ? v : failed;
        }
        if (failed != null) {
            error(failed);
        }
        hits += any ? 1 : 0;
        inconclusive += undecided ? 1 : 0;
    }

    /** One verdict whose reported 95% interval should hold {@code truth}. */
    void covers(Verdict verdict, double truth) {
        experiments++;
        inconclusive += verdict.status() == Verdict.Status.INCONCLUSIVE ? 1 : 0;
        error(verdict);
        if (Double.isNaN(verdict.ciLow()) || Double.isNaN(verdict.ciHigh())) {
            return;
        }
        trials++;
        double tolerance = 1e-9 * Math.max(1, Math.abs(truth));
        hits += verdict.ciLow() <= truth + tolerance && truth - tolerance <= verdict.ciHigh() ? 1 : 0;
    }

    private void error(Verdict v) {
        if (v.status() == Verdict.Status.ERROR) {
            if (errors == 0) {
                firstError = v.error() == null ? v.message() : v.error().lines().findFirst().orElse("");
            }
            errors++;
        }
    }

    Measurement measurement(double alpha) {
        return new Measurement(scenario, alpha, experiments, trials, hits, inconclusive, errors,
                errors > 0 ? "ERROR: " + firstError : trials == 0 && experiments > 0 ? "no verdict reported an interval" : "");
    }
}
