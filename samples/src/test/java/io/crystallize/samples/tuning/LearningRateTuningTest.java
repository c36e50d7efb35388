package io.crystallize.samples.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.core.Experiment;
import io.crystallize.core.Treatment;
import io.crystallize.definition.ExperimentDefinitions;
import io.crystallize.definition.ExperimentSettings;
import io.crystallize.optimize.GridSearch;
import io.crystallize.core.Objective;
import io.crystallize.samples.learning.LogisticRegressionExperiment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tuning with the shipped optimizers: a grid over the learning rate and feature standardisation of
 * {@link LogisticRegressionExperiment}, minimising log-loss. Treatments found at run time cannot
 * be engine test nodes, so this is a plain Jupiter test asserting the best treatment.
 */
class LearningRateTuningTest {

    @Test
    void gridSearchFindsStandardisedFastLearning() {
        Experiment experiment = ExperimentDefinitions.load(LogisticRegressionExperiment.class).definition()
                .experiment(ExperimentSettings.defaults().withArtifactRoot(Path.of("target", "crystallize-tuning")));
        Map<String, List<?>> grid = new LinkedHashMap<>();
        grid.put("standardise", List.of(false, true));
        grid.put("learningRate", List.of(0.001, 0.01, 0.1));
        GridSearch search = new GridSearch(grid, Objective.minimize("log_loss"));

        Treatment best = experiment.optimize(search, search.size(), 5);

        assertThat(best.overrides()).containsEntry("standardise", true).containsEntry("learningRate", 0.1);
        assertThat(search.bestValue()).isLessThan(0.3);
    }
}
