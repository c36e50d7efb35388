package io.crystallize.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.StatisticalTest;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Metrics;
import io.crystallize.internal.model.ExperimentModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The model's hash is the one generated classes carry: it must stay the hash of the records' own
 * text ({@code toString}), however that text is produced, or every class compiled before would
 * read as stale.
 */
class ModelHashTest {

    @Experiment(replicates = 12, seed = 7)
    static class Fixture {
        @Param double delta = 0.5;
        @Param int size = 3;

        @DataSource
        double draw(RandomGenerator random) {
            return random.nextDouble();
        }

        @Step
        double shift(double value) {
            return value + delta;
        }

        @Step
        void record(double value, Metrics metrics) {
            metrics.record("value", value * size);
            metrics.record("other", value);
        }

        @Treatment(name = "shifted", set = "delta=1.0")
        void treatments() {
        }

        @Treatment(name = "bigger", set = {"size=5", "delta=0.25"})
        void more() {
        }

        @Hypothesis(metric = "value", test = StatisticalTest.WELCH)
        void shiftedIsHigher() {
        }

        @Hypothesis(metric = "other", test = StatisticalTest.MANN_WHITNEY, alpha = 0.01)
        void otherDiffers() {
        }
    }

    @Test
    void theHashIsTheHashOfTheRecordsOwnText() throws Exception {
        ExperimentModel model = ClassModelReader.read(Fixture.class).model();
        String text = model.toString();
        assertThat(text).contains("ParamModel[", "StepModel[", "MethodModel[", "ParameterModel[", "TreatmentModel[",
                "HypothesisModel[", "DataSourceModel[", "ElementRef[", "alpha=0.01");

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        assertThat(model.hash()).isEqualTo(HexFormat.of().formatHex(digest, 0, 16));
    }
}
