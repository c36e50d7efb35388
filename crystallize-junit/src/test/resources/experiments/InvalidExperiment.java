package io.crystallize.junit.compiled;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Context;
import io.crystallize.junit.fixtures.Scores;

/** Breaks two rules; compiled without the processor, which would have refused it. */
@Experiment(replicates = 3)
@Treatment(name = "up", set = "shift=5.0")
public class InvalidExperiment {

    @Param
    double shift = 0.0;

    @DataSource
    double zero() {
        return 0.0;
    }

    @Step
    double score(double input, Context context) {
        return Scores.record(InvalidExperiment.class, input, shift, context);
    }

    @Hypothesis(metric = "score", alpha = 2.0)
    void upWins() {
    }

    @Hypothesis(metric = "score", treatments = "sideways")
    void sidewaysWins() {
    }
}
