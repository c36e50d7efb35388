package io.crystallize.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.crystallize.base.Names;
import io.crystallize.definition.DefinitionException;
import io.crystallize.definition.ExperimentDefinitions;
import io.crystallize.internal.model.Messages;
import io.crystallize.internal.model.Problem;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture per rule: the processor rejects it with the rule's message on the marked line, and
 * the runtime reader, reading the same class compiled without the processor, finds the same
 * problems.
 */
class ValidationTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("PrivateStep", Messages.PRIVATE_METHOD),
                Arguments.of("StaticStep", Messages.STATIC_METHOD),
                Arguments.of("TwoInputs", Messages.TWO_INPUTS),
                Arguments.of("InputMismatch", Messages.INPUT_MISMATCH + ": it takes java.lang.Integer but @Step first "
                        + "produces java.lang.String"),
                Arguments.of("VoidDataSource", Messages.DATA_SOURCE_VOID),
                Arguments.of("CachedVoidStep", "@Step method 'work' " + Messages.CACHED_VOID_STEP),
                Arguments.of("CachedInterfaceStep", "@Step method 'work' has cache = true but returns "
                        + "java.util.List<java.lang.String> (an interface), " + Messages.UNCACHEABLE_OUTPUT),
                Arguments.of("CachedAbstractStep", "@Step method 'work' has cache = true but returns java.lang.Number "
                        + "(an abstract class), " + Messages.UNCACHEABLE_OUTPUT),
                Arguments.of("CachedTypeVariableStep", "@Step method 'work' has cache = true but returns T "
                        + "(a type variable), " + Messages.UNCACHEABLE_OUTPUT),
                Arguments.of("CachedObjectStep", "@Step method 'work' has cache = true but returns Object, "
                        + Messages.UNCACHEABLE_OUTPUT),
                Arguments.of("DataSourceInput", Messages.DATA_SOURCE_INPUT),
                Arguments.of("StepWithoutDataSource", Messages.STEP_WITHOUT_DATA_SOURCE),
                Arguments.of("NoSteps", Messages.NO_STEPS),
                Arguments.of("TwoDataSources", Messages.TWO_DATA_SOURCES),
                Arguments.of("DuplicateStep", "step 'work' " + Messages.DUPLICATE),
                Arguments.of("InvalidStepName", "step name 'bad name' is invalid: names must match " + Names.VALID.pattern()),
                Arguments.of("InvalidExperimentName", "experiment name 'my experiment' is invalid"),
                Arguments.of("OverloadedHypothesis", Messages.OVERLOADED),
                Arguments.of("AlphaOutOfRange", Messages.ALPHA_RANGE + ", got 1.5"),
                Arguments.of("UnknownTreatment", Messages.UNKNOWN_TREATMENT + " 'tne' (did you mean 'ten'?)"),
                Arguments.of("NoTreatments", Messages.NO_TREATMENTS),
                Arguments.of("BadHypothesisSignature", Messages.HYPOTHESIS_SIGNATURE),
                Arguments.of("MissingMargin", Messages.MARGIN + " > 0"),
                Arguments.of("BinaryRelativeMargin", Messages.BINARY_RELATIVE_MARGIN),
                Arguments.of("BinaryMarginOfOne", Messages.BINARY_MARGIN + ", got 1.0"),
                Arguments.of("UnknownParamLiteral", Messages.UNKNOWN_PARAM + " 'discont' (did you mean 'discount'?)"),
                Arguments.of("UnparsableLiteral", "value 'lots' of parameter 'discount' " + Messages.LITERAL_UNPARSABLE + " double"),
                Arguments.of("LiteralTypeMismatch", "value '0.5' of parameter 'count' " + Messages.LITERAL_UNPARSABLE + " int"),
                Arguments.of("LiteralWithoutValue", Messages.LITERAL_FORM),
                Arguments.of("SecondTreatmentUnknownParam", "treatment 'twenty' sets " + Messages.UNKNOWN_PARAM),
                Arguments.of("FirstTreatmentUnknownParam", "treatment 'ten' sets " + Messages.UNKNOWN_PARAM),
                Arguments.of("FirstMethodTreatmentUnknownParam", "treatment 'ten' sets " + Messages.UNKNOWN_PARAM),
                Arguments.of("DuplicateTreatment", "treatment 'ten' " + Messages.DUPLICATE),
                Arguments.of("BaselineTreatment", Messages.BASELINE_RESERVED),
                Arguments.of("TreatmentMethodNotStatic", Messages.TREATMENT_METHOD),
                Arguments.of("PrivateParamField", Messages.PARAM_FIELD_MODIFIERS),
                Arguments.of("DuplicateParam", "parameter 'discount' " + Messages.DUPLICATE),
                Arguments.of("UnknownParamParameter", Messages.UNKNOWN_PARAM + " (did you mean 'discount'?)"),
                Arguments.of("ParamParameterTypeMismatch", "type int " + Messages.PARAM_TYPE_MISMATCH + " 'discount' (double)"),
                Arguments.of("SamplesInStep", Messages.NOT_INJECTABLE),
                Arguments.of("NotInstantiable", Messages.NOT_INSTANTIABLE),
                Arguments.of("ZeroReplicates", Messages.REPLICATES + ", got 0"),
                Arguments.of("ReservedTreatmentName", "treatment name 'result.json' is reserved: 'replicate_*', "
                        + "'result.json', 'results.json' and 'metadata.json' (in any case) name the results layout's own files"),
                Arguments.of("LongStepName", "step name '" + "s".repeat(40) + "...' is 101 characters long: names are at most "
                        + Names.MAX_LENGTH + " characters"),
                Arguments.of("WindowsDeviceName", "experiment name 'CON' is a device name on Windows"),
                Arguments.of("TreatmentCaseClash", "treatment names 'Fast' and 'fast' differ only in case"),
                Arguments.of("UpstreamArtifactPath", "upstream artifact name '/etc/passwd' is invalid: names must match"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void processorRejectsOnTheMarkedLine(String fixture, String message) {
        String path = "invalid/" + fixture + ".java";
        Compilation compilation = Fixtures.withProcessor(path);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(Fixtures.source(path))
                .onLine(Fixtures.markedLine(path));
        assertThat(compilation).hadErrorCount(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void runtimeReaderFindsTheSameProblems(String fixture, String message) {
        String path = "invalid/" + fixture + ".java";
        Compilation plain = Fixtures.withoutProcessor(path);
        assertThat(plain).succeeded();
        Class<?> type = Fixtures.load(plain, "invalid." + fixture);

        List<String> runtime = ExperimentDefinitions.problems(type).stream().map(Problem::message).toList();
        List<String> compileTime = Fixtures.withProcessor(path).errors().stream()
                .map(d -> d.getMessage(Locale.ROOT)).toList();

        assertThat(runtime).hasSize(1).allSatisfy(m -> assertThat(m).contains(message));
        assertThat(runtime).isEqualTo(compileTime);
        Assertions.assertThatThrownBy(() -> ExperimentDefinitions.load(type))
                .isInstanceOf(DefinitionException.class)
                .satisfies(e -> assertThat(((DefinitionException) e).problems()).singleElement()
                        .asString().contains(message));
    }

    @org.junit.jupiter.api.Test
    void anErrorInOneClassDoesNotStopTheOthers() {
        Compilation compilation = Fixtures.withProcessor("invalid/PrivateStep.java", "valid/com/example/StepOrder.java",
                "consumers/UsesStepOrderPipeline.java");

        // the consumer compiles only because StepOrder's pipeline was generated despite the broken class
        assertThat(compilation).hadErrorContaining(Messages.PRIVATE_METHOD);
        Assertions.assertThat(compilation.diagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .hasSize(1);
    }
}
