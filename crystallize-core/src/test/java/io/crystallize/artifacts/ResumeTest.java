package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.core.ExecutionCancelledException;
import io.crystallize.core.Experiment;
import io.crystallize.core.RunIdentity;
import io.crystallize.core.RunRequest;
import io.crystallize.plugins.ParallelExecution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming stopped executions in one JVM: what is kept, what runs again, and when a resume starts afresh. */
class ResumeTest {

    private static final int REPLICATES = 20;
    private static final int RUNS = 2 * REPLICATES;

    @TempDir
    Path temp;

    private final AtomicInteger executed = new AtomicInteger();

    private Experiment experiment(Path root, long seed, int replicates) {
        return ResumeWorker.experiment(root, seed, replicates, 0, executed);
    }

    private Path reference(long seed, int replicates) {
        Path root = temp.resolve("reference-" + seed + "-" + replicates);
        ResumeWorker.experiment(root, seed, replicates, 0, new AtomicInteger()).run();
        return root.resolve(ResumeWorker.EXPERIMENT).resolve("v0");
    }

    /** Runs until {@code runs} runs started, then cancels: the version is left CANCELLED with its journal. */
    private void cancelAfter(Experiment experiment, int runs) {
        executed.set(0);
        assertThatThrownBy(() -> experiment.run(RunRequest.defaults().withCancellation(() -> executed.get() >= runs)))
                .isInstanceOf(ExecutionCancelledException.class);
    }

    private static void assertSameResults(Path actual, Path expected) throws IOException {
        for (String condition : List.of("baseline", "shifted")) {
            assertThat(Files.readAllBytes(actual.resolve(condition).resolve(Layout.RESULTS)))
                    .as(condition + "/results.json of " + actual)
                    .isEqualTo(Files.readAllBytes(expected.resolve(condition).resolve(Layout.RESULTS)));
        }
    }

    @Test
    void aCancelledExecutionResumesInPlaceRunningOnlyWhatWasMissing() throws IOException {
        Path root = temp.resolve("root");
        Experiment experiment = experiment(root, 11, REPLICATES);
        cancelAfter(experiment, 15);
        Path version = root.resolve(ResumeWorker.EXPERIMENT).resolve("v0");
        assertThat(ArtifactPlugin.versionStatus(version)).isEqualTo(VersionStatus.CANCELLED);
        int kept = RunJournal.read(version).runs().size();
        assertThat(kept).isBetween(1, 15);

        executed.set(0);
        experiment.run(RunRequest.defaults().withResume(true));

        assertThat(executed.get()).isEqualTo(RUNS - kept);
        assertThat(ArtifactPlugin.versionStatus(version)).isEqualTo(VersionStatus.COMPLETE);
        assertThat(version.resolve(Layout.CANCELLED)).doesNotExist();
        assertThat(version.resolve(RunJournal.FILE)).doesNotExist();
        assertThat(ArtifactPlugin.readMetadata(version)).doesNotContainKey("cancelled").containsEntry("resumed_runs", kept);
        assertThat(identityOf(version)).containsEntry("seed", "11").containsEntry("replicates", "20")
                .containsEntry("conditions", "baseline,shifted");
        assertSameResults(version, reference(11, REPLICATES));
    }

    @Test
    void aResumeThatIsStoppedAgainKeepsBothParts() throws IOException {
        Path root = temp.resolve("root");
        Experiment experiment = experiment(root, 5, REPLICATES);
        cancelAfter(experiment, 10);
        Path version = root.resolve(ResumeWorker.EXPERIMENT).resolve("v0");
        int first = RunJournal.read(version).runs().size();

        executed.set(0);
        assertThatThrownBy(() -> experiment.run(RunRequest.defaults().withResume(true)
                .withCancellation(() -> executed.get() >= 10))).isInstanceOf(ExecutionCancelledException.class);
        int second = RunJournal.read(version).runs().size();
        assertThat(second).isGreaterThan(first);

        executed.set(0);
        experiment.run(RunRequest.defaults().withResume(true));
        assertThat(executed.get()).isEqualTo(RUNS - second);
        assertThat(Layout.versions(root.resolve(ResumeWorker.EXPERIMENT))).containsExactly(0L);
        assertSameResults(version, reference(5, REPLICATES));
    }

    @Test
    void parallelRunsAreKeptAndResumed() throws IOException {
        Path root = temp.resolve("root");
        Experiment experiment = Experiment.builder(ResumeWorker.EXPERIMENT).dataSource(
                        experiment(root, 3, REPLICATES).dataSource())
                .pipeline(experiment(root, 3, REPLICATES).pipeline()).parameter("shift", 0.0)
                .treatment("shifted", Map.of("shift", 0.5)).seed(3).replicates(REPLICATES)
                .plugin(new ArtifactPlugin(root, Retention.keepAll())).plugin(new ParallelExecution(2)).build();
        cancelAfter(experiment, 21);
        Path version = root.resolve(ResumeWorker.EXPERIMENT).resolve("v0");
        int kept = RunJournal.read(version).runs().size();

        executed.set(0);
        experiment.run(RunRequest.defaults().withResume(true));
        assertThat(executed.get()).isEqualTo(RUNS - kept);
        assertSameResults(version, reference(3, REPLICATES));
    }

    @Test
    void aResumeWithOtherReplicatesStartsANewVersion() throws IOException {
        Path root = temp.resolve("root");
        cancelAfter(experiment(root, 11, REPLICATES), 15);

        executed.set(0);
        experiment(root, 11, REPLICATES + 1).run(RunRequest.defaults().withResume(true));

        assertThat(executed.get()).isEqualTo(2 * (REPLICATES + 1));
        Path experimentDir = root.resolve(ResumeWorker.EXPERIMENT);
        assertThat(ArtifactPlugin.versionStatus(experimentDir.resolve("v0"))).isEqualTo(VersionStatus.CANCELLED);
        assertThat(ArtifactPlugin.versionStatus(experimentDir.resolve("v1"))).isEqualTo(VersionStatus.COMPLETE);
        assertSameResults(experimentDir.resolve("v1"), reference(11, REPLICATES + 1));
    }

    @Test
    void aResumeAfterACompleteVersionRunsEverythingInANewVersion() throws IOException {
        Path root = temp.resolve("root");
        experiment(root, 11, REPLICATES).run();
        executed.set(0);
        experiment(root, 11, REPLICATES).run(RunRequest.defaults().withResume(true));
        assertThat(executed.get()).isEqualTo(RUNS);
        assertThat(Layout.versions(root.resolve(ResumeWorker.EXPERIMENT))).containsExactly(0L, 1L);
    }

    @Test
    void withoutResumeAStoppedVersionIsLeftAndANewOneStarts() throws IOException {
        Path root = temp.resolve("root");
        Experiment experiment = experiment(root, 11, REPLICATES);
        cancelAfter(experiment, 15);
        executed.set(0);
        experiment.run();
        assertThat(executed.get()).isEqualTo(RUNS);
        assertThat(Layout.versions(root.resolve(ResumeWorker.EXPERIMENT))).containsExactly(0L, 1L);
    }

    @Test
    void identitiesNameTheirFirstDifference() {
        RunIdentity a = RunIdentity.of(Map.of("seed", "1", "replicates", "30"));
        assertThat(a.differenceFrom(RunIdentity.of(Map.of("seed", "1", "replicates", "30")))).isEmpty();
        assertThat(a.differenceFrom(RunIdentity.of(Map.of("seed", "2", "replicates", "30"))))
                .contains("seed is '2' there, '1' here");
        assertThat(a.with("code", "abc").differenceFrom(a)).contains("code is absent there, 'abc' here");
        RunIdentity printed = a.with(RunIdentity.FINGERPRINT_PREFIX + "baseline", "f1");
        assertThat(printed.differenceFrom(RunIdentity.of(Map.of("seed", "2", "replicates", "30",
                RunIdentity.FINGERPRINT_PREFIX + "baseline", "f2"))))
                .as("a seed that differs is named before the fingerprint that covers it")
                .contains("seed is '2' there, '1' here");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> identityOf(Path version) throws IOException {
        return (Map<String, Object>) ArtifactPlugin.readMetadata(version).get("run_identity");
    }
}
