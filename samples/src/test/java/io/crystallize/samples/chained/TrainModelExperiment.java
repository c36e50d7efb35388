package io.crystallize.samples.chained;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Artifacts;
import io.crystallize.core.Metrics;
import io.crystallize.hypothesis.Direction;
import io.crystallize.samples.learning.Dataset;
import io.crystallize.samples.learning.LogisticModel;
import java.util.random.RandomGenerator;

/**
 * The first of two chained experiments: trains a model per replicate and writes it as the
 * artifact {@code model.json}, which {@link EvaluateModelExperiment} reads.
 */
@Experiment(replicates = 10, seed = 11)
public class TrainModelExperiment {

    @Param
    int epochs = 1;

    @DataSource
    Dataset data(RandomGenerator random) {
        return Dataset.generate(random, 400, 400);
    }

    @Step
    void train(Dataset data, RandomGenerator random, Artifacts artifacts, Metrics metrics) {
        LogisticModel model = LogisticModel.train(data, 0.05, true, epochs, random);
        artifacts.writeJson("model.json", model);
        metrics.record("log_loss", model.logLoss(data.testX(), data.testY()));
    }

    @Treatment(name = "more_epochs", set = "epochs=5")
    void treatments() {
    }

    @Hypothesis(metric = "log_loss", direction = Direction.LOWER_IS_BETTER)
    void moreEpochsLowerLogLoss() {
    }
}
