package io.crystallize.core;

import static io.crystallize.testing.Fixtures.increment;
import static io.crystallize.testing.Fixtures.replicateExperiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names that would break the results layout, or not be the same file on every operating system,
 * are rejected when the experiment is built — before any run, with nothing written.
 */
class LayoutNamesTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"result.json", "results.json", "metadata.json", "Result.JSON", "METADATA.json",
            "Replicate_1", "replicate_x"})
    void namesOfTheLayoutsOwnFilesAreReservedInAnyCase(String name) {
        assertRejectedEverywhere(name, "is reserved");
    }

    @Test
    void theManifestNameCannotBeTakenEither() {
        assertRejectedEverywhere("_manifest.json", "names must match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "nul", "Aux", "prn", "com1", "COM0", "LPT9", "con.txt", "NUL.tar.gz", "lpt1.csv"})
    void windowsDeviceNamesAreRejectedWithOrWithoutAnExtension(String name) {
        assertRejectedEverywhere(name, "device name on Windows");
    }

    @Test
    void aNameEndingInADotIsRejectedBecauseWindowsDropsIt() {
        assertRejectedEverywhere("model.", "ends with '.'");
    }

    @Test
    void namesOverTheLengthLimitAreRejectedWithTheLimitAndTheReason() {
        String long300 = "a".repeat(300);
        assertRejectedEverywhere(long300, "is 300 characters long");
        assertRejectedEverywhere("b".repeat(Names.MAX_LENGTH + 1), "at most " + Names.MAX_LENGTH + " characters");
        assertThatThrownBy(() -> Step.of(long300, (data, ctx) -> data)).hasMessageContaining("255 bytes")
                .hasMessageContaining("shorten it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONSOLE", "COM10", "null", "nullable.csv", "results", "results.json2", "my.result.json",
            "replicate", "v1", "a.b-c_d"})
    void namesThatOnlyResembleReservedOnesAreAccepted(String name) {
        assertThat(Names.problem("treatment", name)).isNull();
        assertThatCode(() -> replicateExperiment(name).treatment(increment(name + "x", 1)).step(Step.of(name,
                (data, ctx) -> data)).build()).doesNotThrowAnyException();
    }

    @Test
    void aNameOfExactlyTheLimitIsAccepted() {
        String longest = "c".repeat(Names.MAX_LENGTH);
        assertThat(Names.problem("artifact", longest)).isNull();
        assertThatCode(() -> replicateExperiment(longest).build()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "Baseline", "BASELINE"})
    void noTreatmentMayTakeTheBaselinesNameInAnyCase(String name) {
        assertThatThrownBy(() -> increment(name, 1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'" + name + "' is reserved for the baseline condition");
    }

    @Test
    void treatmentsThatDifferOnlyInCaseAreOneDirectoryOnMacOsAndWindowsAndAreRejected() {
        Experiment.Builder builder = replicateExperiment("clash").treatment(increment("Fast", 1))
                .treatment(increment("fast", 2)).plugin(new ArtifactPlugin(root));

        assertThatThrownBy(builder::build).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("treatment names 'Fast' and 'fast' differ only in case");
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void stepsThatDifferOnlyInCaseAreRejected() {
        assertThatThrownBy(() -> Pipeline.of(Step.of("Train", (d, c) -> d), Step.of("train", (d, c) -> d)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("step names 'Train' and 'train' differ only in case");
    }

    @Test
    void aTreatmentNamedLikeTheResultFileFailsBeforeAnyRunAndWritesNothing() {
        assertThatThrownBy(() -> replicateExperiment("probe").treatment(increment("result.json", 1))
                .plugin(new ArtifactPlugin(root)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("treatment name 'result.json' is reserved");
        assertThatThrownBy(() -> replicateExperiment("probe").treatment("a".repeat(300), Map.of("increment", 1))
                .plugin(new ArtifactPlugin(root)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("300 characters long");
        assertThat(root).isEmptyDirectory();
    }

    /** The rule holds for every kind of name the layout or the test ids use. */
    private static void assertRejectedEverywhere(String name, String rule) {
        assertThatThrownBy(() -> replicateExperiment(name).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("experiment name").hasMessageContaining(rule);
        assertThatThrownBy(() -> increment(name, 1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("treatment name").hasMessageContaining(rule);
        assertThatThrownBy(() -> Step.of(name, (data, ctx) -> data)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("step name").hasMessageContaining(rule);
        assertThatThrownBy(() -> replicateExperiment("ok").parameter(name, 1).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("parameter name").hasMessageContaining(rule);
        assertThatThrownBy(() -> Hypothesis.on(name).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("metric name").hasMessageContaining(rule);
        assertThatThrownBy(() -> Hypothesis.on("metric").name(name).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("hypothesis name").hasMessageContaining(rule);
        Step<Number, Number> writer = Step.of("Writer", (data, ctx) -> {
            ctx.artifacts().writeText(name, "x");
            return data;
        });
        Result result = Experiment.builder("artifactNames").dataSource(new ReplicateSource()).step(writer)
                .step(new RecordStep()).build().run();
        assertThat(result.errors().values().iterator().next().message()).contains("artifact name").contains(rule);
    }
}
