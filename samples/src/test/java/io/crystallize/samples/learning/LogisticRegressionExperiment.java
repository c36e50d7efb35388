package io.crystallize.samples.learning;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Metrics;
import io.crystallize.hypothesis.Direction;
import java.util.random.RandomGenerator;

/**
 * Does standardising features help a logistic regression trained by SGD, and does a larger
 * learning rate then help further? Each replicate draws a fresh synthetic data set (shared by the
 * conditions of the replicate) whose two features differ in scale by a factor of 100.
 */
@Experiment(replicates = 20, seed = 7)
public class LogisticRegressionExperiment {

    @Param
    double learningRate = 0.01;

    @Param
    boolean standardise = false;

    @Param
    int epochs = 5;

    @DataSource
    Dataset data(RandomGenerator random) {
        return Dataset.generate(random, 500, 500);
    }

    @Step
    Trained train(Dataset data, RandomGenerator random) {
        return new Trained(data, LogisticModel.train(data, learningRate, standardise, epochs, random));
    }

    @Step
    void evaluate(Trained trained, Metrics metrics) {
        Dataset data = trained.data();
        metrics.record("accuracy", trained.model().accuracy(data.testX(), data.testY()));
        metrics.record("log_loss", trained.model().logLoss(data.testX(), data.testY()));
    }

    /** A model with the data it was trained on (the test half is held out). */
    record Trained(Dataset data, LogisticModel model) {
    }

    @Treatment(name = "standardised", set = "standardise=true")
    @Treatment(name = "standardised_fast", set = {"standardise=true", "learningRate=0.1"})
    void treatments() {
    }

    @Hypothesis(metric = "accuracy")
    void standardisingRaisesAccuracy() {
    }

    @Hypothesis(metric = "log_loss", direction = Direction.LOWER_IS_BETTER)
    void standardisingLowersLogLoss() {
    }
}
