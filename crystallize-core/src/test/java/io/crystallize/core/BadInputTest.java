package io.crystallize.core;

import static io.crystallize.testing.Fixtures.increment;
import static io.crystallize.testing.Fixtures.replicateExperiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 2's bad input: each a clear error before the execution (the failures of runs are elsewhere). */
class BadInputTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "-leading", "a/b", "replicate_3", "metadata.json", "ünïcode"})
    void invalidNamesAreRejectedNamingTheKindAndTheRule(String name) {
        String quoted = name == null ? "name is null" : name.isEmpty() ? "name is empty" : "'" + name + "'";

        assertThatThrownBy(() -> replicateExperiment(name).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("experiment").hasMessageContaining(quoted);
        assertThatThrownBy(() -> increment(name, 1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("treatment").hasMessageContaining(quoted);
        assertThatThrownBy(() -> Step.of(name, (data, ctx) -> data)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("step").hasMessageContaining(quoted);
        assertThatThrownBy(() -> replicateExperiment("bad").parameter(name, 1).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("parameter").hasMessageContaining(quoted);
        assertThatThrownBy(() -> Hypothesis.on(name).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("metric").hasMessageContaining(quoted);
        if (name != null) {
            assertThatThrownBy(() -> Hypothesis.on("metric").name(name).build())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("hypothesis");
        }
    }

    @Test
    void stepWithAnInvalidNameIsRejectedByThePipeline() {
        Step<Object, Object> anonymous = new Step<>() {
            @Override
            public Object apply(Object input, Context context) {
                return input;
            }
        };
        assertThatThrownBy(() -> Pipeline.of(anonymous)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("step name is empty").hasMessageContaining("Step.of(name, ...)");
    }

    @Test
    void missingPartsAndDuplicatesAreConfigurationErrors() {
        assertThatThrownBy(() -> Experiment.builder("x").step(new RecordStep()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no data source");
        assertThatThrownBy(() -> Experiment.builder("x").dataSource(new ReplicateSource()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no pipeline");
        assertThatThrownBy(Pipeline::of).isInstanceOf(ConfigurationException.class).hasMessageContaining("no steps");
        assertThatThrownBy(() -> Pipeline.of(new RecordStep(), new RecordStep())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'RecordStep' is used twice");
        assertThatThrownBy(() -> replicateExperiment("x").treatment(increment("t", 1)).treatment(increment("t", 2)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'t' is declared twice");
        assertThatThrownBy(() -> replicateExperiment("x").parameter("increment", 5).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'increment' is declared twice");
    }

    @Test
    void hypothesisProblemsAreNamedBeforeAnythingRuns() {
        assertThatThrownBy(() -> Hypothesis.on("metric").alpha(1.5).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> Hypothesis.on("metric").treatments("baseline").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'baseline'");
        assertThatThrownBy(() -> Hypothesis.on(new String[0]).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("names no metric");
        Hypothesis unknownTreatment = Hypothesis.on("metric").name("h").treatments("tret").build();
        assertThatThrownBy(() -> replicateExperiment("x").treatment(increment("treat", 1)).hypothesis(unknownTreatment).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown treatment 'tret'").hasMessageContaining("did you mean 'treat'");
    }

    @Test
    void everyProblemIsReportedInOneException() {
        Experiment.Builder builder = replicateExperiment("x")
                .treatment(increment("t", 1))
                .treatment(Treatment.of("u", Map.of("incremnt", 1, "other", 2)))
                .hypothesis(Hypothesis.on("metric").name("h").treatments("v").build());

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.problems()).hasSize(3);
            assertThat(e.getMessage()).contains("3 configuration problems").contains("'incremnt'")
                    .contains("'other'").contains("'v'");
        });
    }

    @Test
    void nullEntriesInARunRequestAreNamed() {
        Experiment experiment = replicateExperiment("x").build();

        assertThatThrownBy(() -> experiment.run(Arrays.asList(increment("t", 1), null), null, null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("a treatment is null");
        assertThatThrownBy(() -> experiment.run(List.of(increment("t", 1)), Arrays.asList((Hypothesis) null), null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("a hypothesis is null");
        assertThatThrownBy(() -> experiment.run(RunRequest.defaults().withReplicates(0)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("replicates must be at least 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"replicate", "condition", "seed"})
    void parametersCannotShadowReservedContextKeys(String name) {
        assertThatThrownBy(() -> replicateExperiment("x").parameter(name, 1).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + name + "' is reserved");
    }

    @Test
    void overridesOfTheWrongTypeAreNamed() {
        assertThatThrownBy(() -> replicateExperiment("x").treatment(Treatment.of("t", "increment", 1.5)).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'increment'").hasMessageContaining("Integer").hasMessageContaining("1.5");
    }
}
