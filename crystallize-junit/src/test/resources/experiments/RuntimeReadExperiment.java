package io.crystallize.junit.compiled;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Context;
import io.crystallize.junit.fixtures.Scores;

/** Compiled without the processor by the tests: the runtime reader defines it. */
@Experiment(replicates = 6, seed = 3)
@Treatment(name = "up", set = "shift=5.0")
@Treatment(name = "down", set = "shift=-5.0")
public class RuntimeReadExperiment {

    @Param
    double shift = 0.0;

    @DataSource
    double zero() {
        return 0.0;
    }

    @Step
    double score(double input, Context context) {
        return Scores.record(RuntimeReadExperiment.class, input, shift, context);
    }

    @Hypothesis(metric = "score", treatments = "up")
    void upWins() {
    }

    @Hypothesis(metric = "score", treatments = "down")
    void downWins() {
    }
}
