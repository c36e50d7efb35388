package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ask/tell loop of {@link Experiment#optimize}: one execution per trial, of the optimizer's
 * candidate only (the baseline is not rerun), scored by the optimizer's objective.
 */
final class Optimization {

    private final Experiment experiment;

    Optimization(Experiment experiment) {
        this.experiment = experiment;
    }

    Treatment run(Optimizer optimizer, int trials, int replicatesPerTrial) {
        List<String> problems = new ArrayList<>();
        if (trials < 1 || replicatesPerTrial < 1) {
            problems.add("optimize needs trials >= 1 and replicatesPerTrial >= 1, got " + trials + " and "
                    + replicatesPerTrial);
        } else {
            RunBounds.checkOptimization(problems, trials, replicatesPerTrial);
        }
        ConfigurationCheck.require(problems);
        Runner runner = new Runner(experiment);
        List<String> failedTrials = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            Treatment candidate = optimizer.ask();
            Result result = runner.execute(RunRequest.defaults().withTreatments(List.of(candidate))
                    .withHypotheses(List.of()).withReplicates(replicatesPerTrial), false);
            double score;
            try {
                score = optimizer.objective().score(result, candidate.name());
            } catch (ConfigurationException noScore) {
                // a trial whose runs all failed must not end the search: it scores NaN, which no optimizer picks
                failedTrials.add(noScore.getMessage());
                score = Double.NaN;
            }
            optimizer.tell(candidate, score);
        }
        if (failedTrials.size() == trials) {
            throw new ConfigurationException(failedTrials);
        }
        return optimizer.best();
    }
}
