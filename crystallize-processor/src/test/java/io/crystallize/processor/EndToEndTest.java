package io.crystallize.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.crystallize.core.Result;
import io.crystallize.definition.DefinitionException;
import io.crystallize.definition.ExperimentDefinition;
import io.crystallize.definition.ExperimentDefinitions;
import io.crystallize.definition.ExperimentSettings;
import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Annotated experiments compiled in memory run through the core and reach verdicts. */
class EndToEndTest {

    private static final String DISCOUNT = "valid/com/example/DiscountExperiment.java";

    @TempDir
    Path root;

    @Test
    void generatedExperimentYieldsTheExpectedVerdicts() {
        Class<?> type = Fixtures.load(Fixtures.withProcessor(DISCOUNT), "com.example.DiscountExperiment");

        Result result = run(type, settings());

        assertThat(result.errors()).isEmpty();
        assertThat(result.replicates()).isEqualTo(20);
        assertThat(result.masterSeed()).isEqualTo(7L);
        assertThat(result.conditions()).containsExactly("baseline", "ten_percent", "deep");
        HypothesisResult raises = result.getHypothesis("discountRaisesRevenue").orElseThrow();
        assertThat(raises.treatments()).containsExactly("ten_percent");
        assertThat(raises.supported("ten_percent")).as(raises.message("ten_percent")).isTrue();
        HypothesisResult changes = result.getHypothesis("anyDiscountChangesRevenue").orElseThrow();
        assertThat(changes.verdicts()).extracting(Verdict::alpha).containsOnly(0.01);
        assertThat(changes.supported("ten_percent")).isTrue();
        assertThat(changes.supported("deep")).isTrue();
        Verdict custom = result.getHypothesis("deepDiscountWins").orElseThrow().verdicts().get(0);
        assertThat(custom.test()).isEqualTo("mean comparison");
        assertThat(custom.status()).isEqualTo(Verdict.Status.SUPPORTED);
    }

    @Test
    void aDeclaredDeterministicMetricGetsTheDeterministicVerdictFromBothFrontEnds() {
        String source = "valid/com/example/BatchCount.java";
        Class<?> generated = Fixtures.load(Fixtures.withProcessor(source), "com.example.BatchCount");
        Class<?> plain = Fixtures.load(Fixtures.withoutProcessor(source), "com.example.BatchCount");

        for (Class<?> type : java.util.List.of(generated, plain)) {
            Result result = run(type, settings());

            // 100 items: 10 batches of 10 in every replicate, 4 batches of 25
            assertThat(result.metric("baseline", "batches").values()).containsOnly(10);
            assertThat(result.metric("larger", "batches").values()).containsOnly(4);
            Verdict declared = result.getHypothesis("largerBatchesMakeFewer").orElseThrow().verdicts().get(0);
            assertThat(declared.status()).as(declared.message()).isEqualTo(Verdict.Status.SUPPORTED);
            assertThat(declared.message()).contains("no variance", "declared deterministic");
            Verdict undeclared = result.getHypothesis("undeclaredConstantCounts").orElseThrow().verdicts().get(0);
            assertThat(undeclared.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
            assertThat(undeclared.message()).contains("cannot tell a deterministic effect from chance");
        }
    }

    @Test
    void primitiveValuesPassBetweenGeneratedStepsUnboxedWithTheRuntimeReadersResults() {
        String source = "valid/com/example/PrimitiveChainExperiment.java";
        Class<?> generated = Fixtures.load(Fixtures.withProcessor(source), "com.example.PrimitiveChainExperiment");
        Class<?> plain = Fixtures.load(Fixtures.withoutProcessor(source), "com.example.PrimitiveChainExperiment");

        Result fromProcessor = run(generated, settings());
        Result fromReader = run(plain, settings());

        assertThat(ExperimentDefinitions.load(generated).generated()).isTrue();
        assertThat(fromProcessor.errors()).isEmpty();
        assertThat(fromProcessor.metrics()).isEqualTo(fromReader.metrics());
        double[] ints = fromProcessor.metrics().get("tripled").get("int").values();
        double[] values = fromProcessor.metrics().get("tripled").get("value").values();
        assertThat(ints).hasSize(8);
        for (int r = 0; r < ints.length; r++) {
            assertThat(ints[r] % 3).isZero();
            assertThat(values[r]).isEqualTo(ints[r] / 2.0 + 1e-3);
        }
    }

    @Test
    void runtimeReaderGivesTheSameResultsForTheSameSeed() {
        Class<?> generated = Fixtures.load(Fixtures.withProcessor(DISCOUNT), "com.example.DiscountExperiment");
        Class<?> plain = Fixtures.load(Fixtures.withoutProcessor(DISCOUNT), "com.example.DiscountExperiment");

        Result fromProcessor = run(generated, settings());
        Result fromReader = run(plain, settings().withParallelism(2));

        assertThat(ExperimentDefinitions.load(plain).generated()).isFalse();
        assertThat(fromReader.errors()).isEmpty();
        assertThat(fromReader.seeds()).isEqualTo(fromProcessor.seeds());
        assertThat(fromReader.metrics()).isEqualTo(fromProcessor.metrics());
        assertThat(fromReader.hypotheses()).isEqualTo(fromProcessor.hypotheses());
    }

    @Test
    void treatmentOverridesReachTheRunsInstance() {
        Class<?> type = Fixtures.load(Fixtures.withProcessor(DISCOUNT), "com.example.DiscountExperiment");

        Result result = run(type, settings());

        // revenue scales by (1 - d)(1 + 3d) on the same orders (common random numbers)
        double[] baseline = result.metric("baseline", "revenue").values();
        double[] ten = result.metric("ten_percent", "revenue").values();
        double[] deep = result.metric("deep", "revenue").values();
        for (int r = 0; r < baseline.length; r++) {
            assertThat(ten[r]).isCloseTo(baseline[r] * 0.9 * 1.3, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(deep[r]).isCloseTo(baseline[r] * 0.7 * 1.9, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void anExperimentReadsItsUpstreamsArtifacts() {
        ClassLoader loader = Fixtures.classes(Fixtures.withProcessor("valid/com/example/Upstream.java",
                "valid/com/example/Downstream.java"));
        ExperimentDefinition upstream = ExperimentDefinitions.load(Fixtures.load(loader, "com.example.Upstream"))
                .definition();
        ExperimentDefinition downstream = ExperimentDefinitions
                .load(Fixtures.load(loader, "com.example.Downstream$Evaluate")).definition();

        Result trained = upstream.experiment(settings()).run();
        Result evaluated = downstream.experiment(settings()).run();

        assertThat(trained.errors()).isEmpty();
        assertThat(evaluated.errors()).isEmpty();
        // the downstream runs as many replicates as the upstream recorded, each reading its own replicate's file
        assertThat(evaluated.replicates()).isEqualTo(trained.replicates());
        double[] lengths = evaluated.metric("baseline", "length").values();
        for (int r = 0; r < lengths.length; r++) {
            assertThat(lengths[r]).isEqualTo(Long.toString(trained.seeds().get(r)).length());
        }
    }

    @Test
    void aStaleGeneratedClassIsAnError() {
        Compilation original = Fixtures.withProcessor(DISCOUNT);
        String edited = Fixtures.text(DISCOUNT).replace("alpha = 0.01", "alpha = 0.02");
        Compilation changed = com.google.testing.compile.Compiler.javac().withOptions("-proc:none")
                .compile(JavaFileObjects.forSourceString("com.example.DiscountExperiment", edited));
        // the old generated class next to the recompiled experiment class: a build that skipped the processor
        Class<?> type = Fixtures.load(Fixtures.classes(original, changed), "com.example.DiscountExperiment");

        assertThatThrownBy(() -> ExperimentDefinitions.load(type))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("is stale")
                .hasMessageContaining("rebuild");
    }

    @Test
    void aClassThatIsNoExperimentIsRejected() {
        assertThatThrownBy(() -> ExperimentDefinitions.load(String.class))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("is not annotated @Experiment");
    }

    @Test
    void aDeclared01MetricGetsTheTestsForRatesFromBothFrontEnds() {
        String source = "valid/com/example/ConversionExperiment.java";
        Class<?> generated = Fixtures.load(Fixtures.withProcessor(source), "com.example.ConversionExperiment");
        Class<?> plain = Fixtures.load(Fixtures.withoutProcessor(source), "com.example.ConversionExperiment");

        for (Class<?> type : java.util.List.of(generated, plain)) {
            Result result = run(type, settings());

            Verdict declared = result.getHypothesis("shorterFormKeepsConversions").orElseThrow().verdicts().get(0);
            Verdict detected = result.getHypothesis("shorterFormConvertsMore").orElseThrow().verdicts().get(0);
            assertThat(declared.test()).as(type + ": " + declared.message()).isEqualTo("Tango score");
            assertThat(declared.method()).contains("the hypothesis declares the metric 0/1");
            assertThat(detected.test()).as(type + ": " + detected.message()).isEqualTo("McNemar exact");
            assertThat(detected.method() + detected.message()).contains("discordant pairs");
        }
        assertThat(ExperimentDefinitions.model(plain)).isEqualTo(ExperimentDefinitions.model(generated));
        assertThat(ExperimentDefinitions.model(plain).hypotheses()).extracting(h -> h.binary())
                .containsExactly(true, false);
    }

    private ExperimentSettings settings() {
        return ExperimentSettings.defaults().withArtifactRoot(root);
    }

    private static Result run(Class<?> type, ExperimentSettings settings) {
        return ExperimentDefinitions.load(type).definition().experiment(settings).run();
    }
}
