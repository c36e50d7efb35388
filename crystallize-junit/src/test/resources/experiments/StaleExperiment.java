package io.crystallize.junit.compiled;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Context;
import io.crystallize.junit.fixtures.Scores;

/** Compiled twice by the tests: with the processor, then edited and compiled without it. */
@Experiment(replicates = 3)
@Treatment(name = "up", set = "shift=5.0")
public class StaleExperiment {

    @Param
    double shift = 0.0;

    @DataSource
    double zero() {
        return 0.0;
    }

    @Step
    double score(double input, Context context) {
        return Scores.record(StaleExperiment.class, input, shift, context);
    }

    @Hypothesis(metric = "score")
    void upWins() {
    }
}
