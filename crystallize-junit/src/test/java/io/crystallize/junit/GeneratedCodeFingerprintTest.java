package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.fingerprint.CodeFingerprint;
import io.crystallize.junit.fixtures.Scores;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A class crystallize-processor generated is the experiment's definition, data source and steps in
 * one; fingerprinting its data source or a step reads what they run, not the definition part.
 */
class GeneratedCodeFingerprintTest {

    private static final String GENERATED = "io/crystallize/junit/fixtures/score/ScoreExperiment_CrystallizePipeline";

    @Test
    void aGeneratedClassBringsWhatItsDataSourceAndStepsRunAndItsModelHash() throws Exception {
        Object generated = Class.forName(GENERATED.replace('/', '.')).getConstructor().newInstance();

        Map<String, String> parts = CodeFingerprint.ofObjects(generated).parts();

        assertThat(parts.keySet().stream().filter(k -> k.startsWith("method " + GENERATED + ".")))
                .as("the generated class's methods in the fingerprint").isNotEmpty()
                .allSatisfy(k -> assertThat(k.substring(("method " + GENERATED + ".").length()))
                        .matches("(fetch|apply|name|parameters)\\(.*"));
        // the static part holds the model hash: any change of the model still changes the fingerprint
        assertThat(parts).containsKey("fields " + GENERATED);
        // what the step runs: the experiment's own step method, and what that calls
        assertThat(parts.keySet()).anySatisfy(k -> assertThat(k)
                .startsWith("method " + internalName(ScoreExperiment.class) + ".score("));
        assertThat(parts.keySet()).anySatisfy(k -> assertThat(k)
                .startsWith("method " + internalName(Scores.class) + ".record("));
        assertThat(parts.keySet()).noneSatisfy(k -> assertThat(k).contains(GENERATED + ".experiment("));
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}
