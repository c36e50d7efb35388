package io.crystallize.samples.chained;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Metrics;
import io.crystallize.hypothesis.Expectation;
import io.crystallize.samples.learning.Dataset;
import io.crystallize.samples.learning.LogisticModel;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second chained experiment: evaluates each replicate's model that
 * {@link TrainModelExperiment} wrote (its baseline's) on fresh data, clean and with noisy inputs.
 * Run alone, the engine runs the upstream experiment first when its results are missing.
 */
@Experiment(replicates = 10, seed = 12)
public class EvaluateModelExperiment {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Param
    double inputNoise = 0.0;

    @DataSource(upstream = TrainModelExperiment.class, step = "train", artifact = "model.json", condition = "baseline")
    LogisticModel model(Path modelFile) {
        return JSON.readValue(modelFile.toFile(), LogisticModel.class);
    }

    @Step
    void evaluate(LogisticModel model, RandomGenerator random, Metrics metrics) {
        Dataset fresh = Dataset.generate(random, 0, 1_000);
        double[][] inputs = fresh.testX();
        for (double[] x : inputs) {
            x[0] += inputNoise * random.nextGaussian();
        }
        metrics.record("accuracy", model.accuracy(inputs, fresh.testY()));
    }

    @Treatment(name = "noisy_inputs", set = "inputNoise=1.5")
    void treatments() {
    }

    @Hypothesis(metric = "accuracy", expect = Expectation.Kind.WORSE)
    void noisyInputsLowerAccuracy() {
    }
}
