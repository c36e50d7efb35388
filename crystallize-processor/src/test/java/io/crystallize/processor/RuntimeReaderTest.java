package io.crystallize.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.crystallize.core.Experiment;
import io.crystallize.definition.ExperimentDefinitions;
import io.crystallize.definition.ExperimentSettings;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the processor, steps still run in declaration order, read from the class file. */
class RuntimeReaderTest {

    private static final List<String> SOURCE_ORDER = List.of("mango", "zucchini", "apple", "pass", "kiwi", "banana");

    @TempDir
    Path root;

    @Test
    void stepsRunInDeclarationOrderWithoutTheProcessor() {
        Compilation plain = Fixtures.withoutProcessor("valid/com/example/StepOrder.java");
        Class<?> type = Fixtures.load(plain, "com.example.StepOrder");
        List<String> reflectionOrder = Arrays.stream(type.getDeclaredMethods()).map(Method::getName)
                .filter(SOURCE_ORDER::contains).toList();
        List<String> alphabetical = SOURCE_ORDER.stream().sorted().toList();

        // the fixture must be able to tell the orders apart, or this test could pass by luck
        assertThat(reflectionOrder).containsExactlyInAnyOrderElementsOf(SOURCE_ORDER).isNotEqualTo(SOURCE_ORDER);
        assertThat(alphabetical).isNotEqualTo(SOURCE_ORDER);

        ExperimentDefinitions.Loaded loaded = ExperimentDefinitions.load(type);
        Experiment experiment = loaded.definition().experiment(ExperimentSettings.defaults().withArtifactRoot(root));

        assertThat(loaded.generated()).isFalse();
        assertThat(experiment.pipeline().steps()).extracting(s -> s.name()).containsExactlyElementsOf(SOURCE_ORDER);
        assertThat(experiment.apply(null, null, null))
                .isEqualTo(List.of("mango", "zucchini", "apple", "kiwi", "banana"));
    }

    @Test
    void generatedWiringRunsTheSameOrder() {
        Class<?> type = Fixtures.load(Fixtures.withProcessor("valid/com/example/StepOrder.java"), "com.example.StepOrder");

        Experiment experiment = ExperimentDefinitions.load(type).definition()
                .experiment(ExperimentSettings.defaults().withArtifactRoot(root));

        assertThat(experiment.apply(null, null, null))
                .isEqualTo(List.of("mango", "zucchini", "apple", "kiwi", "banana"));
    }
}
