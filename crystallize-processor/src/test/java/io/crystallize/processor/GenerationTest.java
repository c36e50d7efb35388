package io.crystallize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.crystallize.definition.ExperimentDefinition;
import io.crystallize.definition.ExperimentDefinitions;
import io.crystallize.definition.HypothesisDeclaration;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Valid fixtures compile cleanly; the generated source is the checked-in golden file, every time. */
class GenerationTest {

    private static final String DISCOUNT = "valid/com/example/DiscountExperiment.java";
    private static final String GOLDEN = "golden/DiscountExperiment_CrystallizePipeline.java";
    private static final String BATCH_COUNT = "valid/com/example/BatchCount.java";
    private static final String CACHED = "valid/com/example/CachedFeatures.java";

    @Test
    void validFixturesCompileWithoutWarnings() {
        Compilation compilation = Fixtures.withProcessor(DISCOUNT, "valid/com/example/StepOrder.java",
                "valid/com/example/Upstream.java", "valid/com/example/Downstream.java", BATCH_COUNT, CACHED);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.CachedFeatures_CrystallizePipeline");
        assertThat(compilation).generatedSourceFile("com.example.BatchCount_CrystallizePipeline");
        assertThat(compilation).generatedSourceFile("com.example.StepOrder_CrystallizePipeline");
        assertThat(compilation).generatedSourceFile("com.example.Upstream_CrystallizePipeline");
        assertThat(compilation).generatedSourceFile("com.example.Downstream$Evaluate_CrystallizePipeline");
    }

    @Test
    void generatedSourceMatchesTheGoldenFile() throws IOException {
        Compilation compilation = Fixtures.withProcessor(DISCOUNT);

        assertThat(compilation).succeeded();
        if (Boolean.getBoolean("crystallize.updateGolden")) {
            // regenerate after an intended change: mvn test -Dcrystallize.updateGolden=true, then review the diff
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/fixtures", GOLDEN),
                    generatedSource(compilation));
        }
        assertThat(generatedSource(compilation)).isEqualTo(Fixtures.text(GOLDEN));
    }

    @Test
    void eachExperimentGetsOneGeneratedClassServingAsDefinitionDataSourceAndSteps() throws Exception {
        Compilation compilation = Fixtures.withProcessor("valid/com/example/StepOrder.java",
                "valid/com/example/Upstream.java", "valid/com/example/Downstream.java");

        List<String> generatedClasses = compilation.generatedFiles().stream()
                .filter(file -> file.getKind() == JavaFileObject.Kind.CLASS)
                .map(JavaFileObject::getName).filter(name -> name.contains("_CrystallizePipeline")).sorted().toList();
        assertThat(generatedClasses).hasSize(3).noneMatch(name -> name.contains("_CrystallizePipeline$"));
        Class<?> type = Fixtures.load(compilation, "com.example.StepOrder");
        var experiment = ExperimentDefinitions.load(type).definition()
                .experiment(io.crystallize.definition.ExperimentSettings.defaults());
        assertThat(experiment.pipeline().steps()).extracting(step -> step.getClass().getName())
                .containsOnly("com.example.StepOrder_CrystallizePipeline");
        assertThat(experiment.dataSource().getClass().getName()).isEqualTo("com.example.StepOrder_CrystallizePipeline");
    }

    @Test
    void outputIsDeterministic() throws IOException {
        assertThat(generatedSource(Fixtures.withProcessor(DISCOUNT)))
                .isEqualTo(generatedSource(Fixtures.withProcessor(DISCOUNT)));
    }

    @Test
    void generatedDefinitionDescribesTheExperiment() {
        Class<?> type = Fixtures.load(Fixtures.withProcessor(DISCOUNT), "com.example.DiscountExperiment");

        ExperimentDefinitions.Loaded loaded = ExperimentDefinitions.load(type);
        ExperimentDefinition definition = loaded.definition();

        assertThat(loaded.generated()).isTrue();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(definition.generated()).isTrue();
        assertThat(definition.getClass().getName()).isEqualTo("com.example.DiscountExperiment_CrystallizePipeline");
        assertThat(definition.experimentClass()).isSameAs(type);
        assertThat(definition.name()).isEqualTo("DiscountExperiment");
        assertThat(definition.tags()).isEqualTo(Set.of("pricing"));
        assertThat(definition.disabledReason()).isEmpty();
        assertThat(definition.treatments()).containsExactly("ten_percent", "deep");
        assertThat(definition.hypotheses()).containsExactly(
                new HypothesisDeclaration("discountRaisesRevenue", "discountRaisesRevenue", List.of("revenue"),
                        List.of("ten_percent")),
                new HypothesisDeclaration("anyDiscountChangesRevenue", "anyDiscountChangesRevenue",
                        List.of("revenue"), List.of("ten_percent", "deep")),
                new HypothesisDeclaration("deepDiscountWins", "deepDiscountWins", List.of("revenue"), List.of("deep")));
        assertThat(definition.upstream()).isEmpty();
        assertThat(definition.modelHash()).isEqualTo(ExperimentDefinitions.model(type).hash());
    }

    @Test
    void generatedAndRuntimeDefinitionsAgreeOnEveryFixture() {
        String[] valid = {DISCOUNT, "valid/com/example/StepOrder.java", "valid/com/example/Upstream.java",
                "valid/com/example/Downstream.java", BATCH_COUNT, CACHED};
        Compilation generated = Fixtures.withProcessor(valid);
        Compilation plain = Fixtures.withoutProcessor(valid);
        for (String name : List.of("com.example.DiscountExperiment", "com.example.StepOrder", "com.example.Upstream",
                "com.example.Downstream$Evaluate", "com.example.BatchCount", "com.example.CachedFeatures")) {
            Class<?> compiledWith = Fixtures.load(generated, name);
            Class<?> compiledWithout = Fixtures.load(plain, name);

            ExperimentDefinition fromProcessor = ExperimentDefinitions.load(compiledWith).definition();
            ExperimentDefinitions.Loaded fromReader = ExperimentDefinitions.load(compiledWithout);

            assertThat(fromProcessor.generated()).as(name).isTrue();
            assertThat(fromReader.generated()).as(name).isFalse();
            assertThat(fromReader.warnings()).singleElement().asString().contains(ExperimentDefinitions.NOT_GENERATED);
            assertThat(ExperimentDefinitions.model(compiledWithout)).as(name)
                    .isEqualTo(ExperimentDefinitions.model(compiledWith));
            ExperimentDefinition reader = fromReader.definition();
            assertThat(reader.modelHash()).as(name).isEqualTo(fromProcessor.modelHash());
            assertThat(reader.name()).isEqualTo(fromProcessor.name());
            assertThat(reader.tags()).isEqualTo(fromProcessor.tags());
            assertThat(reader.disabledReason()).isEqualTo(fromProcessor.disabledReason());
            assertThat(reader.treatments()).isEqualTo(fromProcessor.treatments());
            assertThat(reader.hypotheses()).isEqualTo(fromProcessor.hypotheses());
            assertThat(reader.upstream().stream().map(Class::getName).toList())
                    .isEqualTo(fromProcessor.upstream().stream().map(Class::getName).toList());
        }
    }

    @Test
    void theDeterministicDeclarationIsInBothFrontEndsModelsAndTheGeneratedWiring() throws IOException {
        Compilation generated = Fixtures.withProcessor(BATCH_COUNT);
        Compilation plain = Fixtures.withoutProcessor(BATCH_COUNT);

        String source = generated.generatedSourceFile("com.example.BatchCount_CrystallizePipeline").orElseThrow()
                .getCharContent(true).toString();
        assertThat(source).contains(".deterministic(true)").contains(".deterministic(false)");
        for (Compilation compilation : List.of(generated, plain)) {
            var model = ExperimentDefinitions.model(Fixtures.load(compilation, "com.example.BatchCount"));
            assertThat(model.hypotheses()).extracting(h -> h.name() + "=" + h.deterministic())
                    .containsExactly("largerBatchesMakeFewer=true", "undeclaredConstantCounts=false");
        }
    }

    @Test
    void upstreamAndDisabledAreDeclared() {
        Compilation compilation = Fixtures.withProcessor("valid/com/example/Upstream.java",
                "valid/com/example/Downstream.java");
        ClassLoader loader = Fixtures.classes(compilation);
        ExperimentDefinition upstream = ExperimentDefinitions.load(load(loader, "com.example.Upstream")).definition();
        ExperimentDefinition downstream = ExperimentDefinitions.load(load(loader, "com.example.Downstream$Evaluate"))
                .definition();

        assertThat(upstream.name()).isEqualTo("train");
        assertThat(upstream.tags()).containsExactlyInAnyOrder("slow", "nightly");
        assertThat(upstream.disabledReason()).isEqualTo(Optional.of("too slow for every build"));
        assertThat(downstream.upstream()).containsExactly(load(loader, "com.example.Upstream"));
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static String generatedSource(Compilation compilation) throws IOException {
        JavaFileObject file = compilation.generatedSourceFile("com.example.DiscountExperiment_CrystallizePipeline")
                .orElseThrow();
        return file.getCharContent(true).toString();
    }
}
