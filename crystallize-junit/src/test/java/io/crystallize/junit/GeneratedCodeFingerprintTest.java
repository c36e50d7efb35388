package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.fingerprint.CodeFingerprint;
import io.crystallize.junit.fixtures.Scores;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A class crystallize-processor generated is the experiment's definition, data source and steps in
 * one; fingerprinting its data source or a step takes the model it was generated from and the
 * experiment class's code, without reading the generated class file.
 */
class GeneratedCodeFingerprintTest {

    private static final String GENERATED = "io/crystallize/junit/fixtures/score/ScoreExperiment_CrystallizePipeline";

    @Test
    void aGeneratedClassBringsItsModelHashAndTheExperimentClassCodeNotItsOwnMethods() throws Exception {
        Class<?> type = Class.forName(GENERATED.replace('/', '.'));
        Object generated = type.getConstructor().newInstance();
        String modelHash = (String) type.getField("MODEL_HASH").get(null);

        Map<String, String> parts = CodeFingerprint.ofObjects(generated).parts();

        // any change of the model changes the fingerprint; so does the processor's version
        assertThat(parts.get("generated " + GENERATED)).contains("model " + modelHash).contains("crystallize ");
        assertThat(parts.keySet()).as("nothing read from the generated class file")
                .noneSatisfy(k -> assertThat(k).contains(GENERATED + "."))
                .doesNotContain("fields " + GENERATED);
        // what the step runs: the experiment's own step method, and what that calls
        assertThat(parts.keySet()).anySatisfy(k -> assertThat(k)
                .startsWith("method " + internalName(ScoreExperiment.class) + ".score("));
        assertThat(parts.keySet()).anySatisfy(k -> assertThat(k)
                .startsWith("method " + internalName(Scores.class) + ".record("));
    }

    @Test
    void theExperimentClassTreatmentAndHypothesisMethodsAreNotCode() throws Exception {
        Object generated = Class.forName(GENERATED.replace('/', '.')).getConstructor().newInstance();

        Map<String, String> parts = CodeFingerprint.ofObjects(generated).parts();

        int checked = 0;
        for (java.lang.reflect.Method method : ScoreExperiment.class.getDeclaredMethods()) {
            boolean notCode = method.isAnnotationPresent(io.crystallize.annotation.Hypothesis.class)
                    || method.isAnnotationPresent(io.crystallize.annotation.Treatment.class);
            String key = "method " + internalName(ScoreExperiment.class) + "." + method.getName() + "(";
            if (notCode) {
                assertThat(parts.keySet()).noneSatisfy(k -> assertThat(k).startsWith(key));
                checked++;
            }
        }
        assertThat(checked).as("hypothesis methods of the fixture").isEqualTo(3);
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}
