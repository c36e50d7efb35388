package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.junit.fixtures.StepCalls;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The engine reuses unchanged conditions' runs from the results root, and says so; the key turns it off. */
class ReuseEngineTest {

    @TempDir
    Path artifacts;

    @BeforeEach
    void resetCounts() {
        StepCalls.reset();
    }

    private static List<Map<String, String>> verdictEntries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(m -> m.containsKey("status")).toList();
    }

    @Test
    void aSecondEngineRunOfAnUnchangedExperimentRunsNothingAndGivesTheSameVerdicts() throws Exception {
        EngineExecutionResults first = Kit.engine(artifacts).selectors(selectClass(ScoreExperiment.class)).execute();
        assertThat(StepCalls.total()).isEqualTo(32);
        StepCalls.reset();

        EngineExecutionResults second = Kit.engine(artifacts).selectors(selectClass(ScoreExperiment.class)).execute();

        assertThat(StepCalls.total()).as("step calls of the second engine run").isZero();
        List<Map<String, String>> before = verdictEntries(first);
        List<Map<String, String>> after = verdictEntries(second);
        assertThat(after).hasSameSizeAs(before).isNotEmpty();
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).get("status")).isEqualTo(before.get(i).get("status"));
            assertThat(after.get(i).get("pValue")).isEqualTo(before.get(i).get("pValue"));
            assertThat(after.get(i).get("reused")).startsWith("baseline from v0, ");
            assertThat(before.get(i)).doesNotContainKey("reused");
        }
        assertThat(second.testEvents().succeeded().count()).isEqualTo(first.testEvents().succeeded().count());
        Path v1 = ArtifactPlugin.latestCompleteVersion(artifacts, "ScoreExperiment").orElseThrow();
        assertThat(v1.getFileName()).hasToString("v1");
        assertThat(Files.readString(v1.resolve("baseline/results.json")))
                .isEqualTo(Files.readString(v1.resolveSibling("v0").resolve("baseline/results.json")));
        assertThat(ArtifactPlugin.readMetadata(v1).get("reused"))
                .isEqualTo(Map.of("baseline", "v0", "faster", "v0", "slower", "v0", "fastest", "v0"));
    }

    @Test
    void reuseNeverRunsEverythingAgain() {
        Kit.engine(artifacts).selectors(selectClass(ScoreExperiment.class)).execute();
        StepCalls.reset();

        EngineExecutionResults second = Kit.engine(artifacts).configurationParameter(Constants.REUSE, "never")
                .selectors(selectClass(ScoreExperiment.class)).execute();

        assertThat(StepCalls.total()).isEqualTo(32);
        assertThat(verdictEntries(second)).allSatisfy(m -> assertThat(m).doesNotContainKey("reused"));
    }

    @Test
    void aChangedParameterOverrideRunsAgain() {
        Kit.engine(artifacts).selectors(selectClass(ScoreExperiment.class)).execute();
        StepCalls.reset();

        Kit.engine(artifacts).configurationParameter(Constants.OVERRIDE_SEED, "8")
                .selectors(selectClass(ScoreExperiment.class)).execute();

        assertThat(StepCalls.total()).as("another seed: nothing matches").isEqualTo(32);
    }
}
