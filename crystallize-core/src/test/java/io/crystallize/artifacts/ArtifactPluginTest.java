package io.crystallize.artifacts;

import static io.crystallize.testing.Fixtures.increment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.internal.json.Json;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import io.crystallize.core.TestContexts;
import io.crystallize.core.SeedPlugin;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** REFERENCE-BEHAVIOUR items 29–34 and DESIGN §3.5: the on-disk contract. */
class ArtifactPluginTest {

    @TempDir
    Path root;

    /** Writes {@code out.txt = "hello <replicate> <condition>"} (baseline only when {@code baselineOnly}). */
    static Step<Number, Number> writer(boolean baselineOnly) {
        return Step.of("Writer", (data, ctx) -> {
            if (!baselineOnly || ctx.condition().equals("baseline")) {
                ctx.artifacts().writeText("out.txt", "hello " + ctx.replicate() + " " + ctx.condition());
            }
            return data;
        });
    }

    private Experiment.Builder upstream(boolean baselineOnly) {
        return Experiment.builder("upstream").dataSource(new ReplicateSource()).step(writer(baselineOnly))
                .step(new RecordStep()).plugin(new ArtifactPlugin(root));
    }

    @Test
    void artifactLandsInTheLayoutAndTheResultListsIt() throws IOException {
        List<Integer> logSizes = Collections.synchronizedList(new ArrayList<>());
        Step<Number, Number> checker = Step.of("Checker", (data, ctx) -> {
            logSizes.add(ctx.artifacts().written().size());
            return data;
        });
        Result result = upstream(false).step(checker).treatment(increment("treat", 1)).build().run();

        Path file = root.resolve("upstream/v0/replicate_0/baseline/Writer/out.txt");
        assertThat(file).hasContent("hello 0 baseline");
        assertThat(root.resolve("upstream/v0/replicate_0/treat/Writer/out.txt")).hasContent("hello 0 treat");
        assertThat(logSizes).containsOnly(0);
        assertThat(result.artifacts().get("baseline")).containsExactly(file.toString());
        assertThat(result.artifacts().get("treat")).hasSize(1);
        JsonNode manifest = Json.MAPPER.readTree(root.resolve("upstream/v0/_manifest.json").toFile());
        assertThat(manifest.get("out.txt").asString()).isEqualTo("Writer");
        for (String condition : List.of("baseline", "treat")) {
            assertThat(root.resolve("upstream/v0").resolve(condition).resolve("results.json")).exists();
            assertThat(root.resolve("upstream/v0").resolve(condition).resolve(".crystallize_complete")).exists();
        }
        assertThat(leftoverTemporaryFiles()).isEmpty();
    }

    @Test
    void resultsJsonHoldsMetricsWithReplicateIndicesAndBareNonFiniteTokens() throws IOException {
        Experiment.builder("upstream").dataSource(new ReplicateSource())
                .step(Step.<Number, Number>of("Odd", (data, ctx) -> {
                    ctx.metrics().record("m", ctx.replicate() == 0 ? Double.NaN : Double.POSITIVE_INFINITY);
                    if (ctx.replicate() == 1) {
                        ctx.metrics().record("sparse", 7);
                    }
                    return data;
                })).step(new RecordStep()).plugin(new ArtifactPlugin(root)).replicates(2).build().run();

        Path results = root.resolve("upstream/v0/baseline/results.json");
        String text = Files.readString(results);
        assertThat(text).contains("NaN").contains("Infinity").doesNotContain("\"NaN\"");
        JsonNode node = Json.MAPPER.readTree(results.toFile());
        assertThat(node.get("metrics").get("metric").get(1).asDouble()).isEqualTo(1.0);
        assertThat(node.get("metrics").get("m").get(0).asDouble()).isNaN();
        assertThat(node.get("replicates").has("metric")).as("dense series: value i is replicate i").isFalse();
        assertThat(node.get("replicates").get("sparse").get(0).asInt()).isEqualTo(1);
        Result back = ArtifactPlugin.readResult(root.resolve("upstream/v0"));
        assertThat(back.metric("baseline", "m").values()).containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
        assertThat(back.metric("baseline", "sparse").replicates()).containsExactly(1);
        assertThat(back.metric("baseline", "metric").replicates()).containsExactly(0, 1);
    }

    @Test
    void theStoredResultReadsBackEqualWithEveryValueWrittenOnce() throws IOException {
        Result result = Experiment.builder("stored").dataSource(new ReplicateSource()).step(new RecordStep())
                .treatment(increment("treat", 1))
                .hypothesis(io.crystallize.hypothesis.Hypothesis.on("metric").build())
                .plugin(new ArtifactPlugin(root)).replicates(4).build().run();

        Path version = root.resolve("stored/v0");
        assertThat(ArtifactPlugin.readResult(version)).isEqualTo(result);
        JsonNode summary = Json.MAPPER.readTree(version.resolve("result.json").toFile());
        assertThat(summary.get("metrics").isEmpty()).as("metric values live in the conditions' results.json").isTrue();
        assertThat(summary.get("hypotheses").get(0).get("verdicts")).hasSize(1);
    }

    @Test
    void versionsCountUpAndRetentionStripsLargeFilesOfOldVersionsOnly() throws IOException {
        Step<Number, Number> big = Step.of("Big", (data, ctx) -> {
            ctx.artifacts().write("big.bin", new byte[100]);
            ctx.artifacts().writeText("small.txt", "s");
            return data;
        });
        Experiment experiment = Experiment.builder("versions").dataSource(new ReplicateSource()).step(big)
                .step(new RecordStep()).plugin(new ArtifactPlugin(root, new Retention(3, 10))).build();
        for (int i = 0; i < 5; i++) {
            experiment.run();
        }

        for (int v = 0; v < 5; v++) {
            Path version = root.resolve("versions/v" + v);
            assertThat(version.resolve("metadata.json")).exists();
            assertThat(version.resolve("baseline/results.json")).exists();
            assertThat(version.resolve("replicate_0/baseline/Big/small.txt")).exists();
            assertThat(Files.exists(version.resolve("replicate_0/baseline/Big/big.bin"))).as("big.bin in v" + v)
                    .isEqualTo(v >= 2);
        }
        assertThat(experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory())
                .isEqualTo(root.resolve("versions/v4"));
        assertThat(new ArtifactPlugin().retention()).isEqualTo(Retention.defaults());
        assertThat(Retention.defaults().keepVersions()).isEqualTo(3);
    }

    @Test
    void retentionSkipsAVersionDeletedByHandAndStillStripsTheNextOne() throws IOException {
        Step<Number, Number> big = Step.of("Big", (data, ctx) -> {
            ctx.artifacts().write("big.bin", new byte[100]);
            return data;
        });
        Experiment experiment = Experiment.builder("pruned").dataSource(new ReplicateSource()).step(big)
                .step(new RecordStep()).plugin(new ArtifactPlugin(root, new Retention(2, 10))).build();
        for (int i = 0; i < 3; i++) {
            experiment.run(); // the third strips v0
        }
        deleteTree(root.resolve("pruned/v1"));

        experiment.run(); // v3: v1 left the kept window but is gone
        experiment.run(); // v4: v2 left it

        assertThat(root.resolve("pruned/v1")).doesNotExist();
        assertThat(root.resolve("pruned/v2/replicate_0/baseline/Big/big.bin")).doesNotExist();
        assertThat(root.resolve("pruned/v2/baseline/results.json")).exists();
        assertThat(root.resolve("pruned/v3/replicate_0/baseline/Big/big.bin")).exists();
        assertThat(root.resolve("pruned/v4/replicate_0/baseline/Big/big.bin")).exists();
    }

    @Test
    void retentionStillStripsVersionsWithArtifactsBetweenVersionsWrittenWithout() throws IOException {
        java.util.concurrent.atomic.AtomicInteger executions = new java.util.concurrent.atomic.AtomicInteger();
        Step<Number, Number> sometimes = Step.of("Sometimes", (data, ctx) -> {
            if (executions.get() % 2 == 1) {
                ctx.artifacts().write("big.bin", new byte[100]);
            }
            return data;
        });
        Experiment experiment = Experiment.builder("alternating").dataSource(new ReplicateSource()).step(sometimes)
                .step(new RecordStep()).plugin(new ArtifactPlugin(root, new Retention(2, 10))).build();
        for (int i = 0; i < 6; i++) {
            executions.set(i);
            experiment.run();
        }

        for (int v = 0; v < 6; v++) {
            Path version = root.resolve("alternating/v" + v);
            assertThat(version.resolve("baseline/results.json")).exists();
            assertThat(Files.exists(version.resolve("replicate_0/baseline/Sometimes/big.bin"))).as("big.bin in v" + v)
                    .isEqualTo(v == 5);
            assertThat(Files.exists(version.resolve("replicate_0"))).as("artifact directory in v" + v)
                    .isEqualTo(v % 2 == 1);
        }
    }

    @Test
    void aLaterJvmStartsRetentionWhereTheRecordSaysEarlierOnesLeftOff() throws IOException {
        Step<Number, Number> big = Step.of("Big", (data, ctx) -> {
            ctx.artifacts().write("big.bin", new byte[100]);
            return data;
        });
        Path experimentDir = root.resolve("long");
        // this JVM's progress is kept per directory and retention: another retention value stands in
        // for a JVM that starts afresh (the record on disk is all it knows)
        runTimes(20, big, new Retention(2, 10));
        Path record = experimentDir.resolve(StrippedRecord.FILE);
        assertThat(record).exists();
        String[] fields = Files.readString(record).trim().split(" ");
        assertThat(fields[1]).isEqualTo("10");
        long below = Long.parseLong(fields[2]);
        assertThat(below).isBetween(StrippedRecord.EVERY - 1, 18L);
        assertThat(Layout.versions(experimentDir)).hasSize(20);

        // a large file put back into a version the record covers: a new JVM does not walk there again
        Path restored = Files.write(experimentDir.resolve("v3/replicate_0/baseline/Big/big.bin"), new byte[100]);
        runTimes(1, big, new Retention(3, 10)); // v20: v17 leaves the kept window
        assertThat(restored).exists();
        assertThat(experimentDir.resolve("v17/replicate_0/baseline/Big/big.bin")).doesNotExist();
        assertThat(experimentDir.resolve("v18/replicate_0/baseline/Big/big.bin")).exists();

        // a JVM that strips more (a smaller threshold) cannot take the record's word: it walks every version
        runTimes(1, big, new Retention(3, 5));
        assertThat(restored).doesNotExist();
        assertThat(experimentDir.resolve("v3/baseline/results.json")).exists();
    }

    @Test
    void aRecordBeyondTheNewestVersionIsOneFromVersionsDeletedSince() throws IOException {
        Step<Number, Number> big = Step.of("Big", (data, ctx) -> {
            ctx.artifacts().write("big.bin", new byte[100]);
            return data;
        });
        Path experimentDir = Files.createDirectories(root.resolve("long"));
        Files.writeString(experimentDir.resolve(StrippedRecord.FILE), "stripped-below 10 50\n");

        runTimes(5, big, new Retention(2, 10));

        for (int v = 0; v < 5; v++) {
            assertThat(Files.exists(experimentDir.resolve("v" + v + "/replicate_0/baseline/Big/big.bin")))
                    .as("big.bin in v" + v).isEqualTo(v >= 3);
        }
    }

    private void runTimes(int times, Step<Number, Number> step, Retention retention) {
        Experiment experiment = Experiment.builder("long").dataSource(new ReplicateSource()).step(step)
                .step(new RecordStep()).plugin(new ArtifactPlugin(root, retention)).build();
        for (int i = 0; i < times; i++) {
            experiment.run();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void metadataHasFormatVersionSeedParametersAndEnvironment() throws IOException {
        upstream(false).treatment(increment("treat", 1)).seed(9).replicates(2).build().run();

        JsonNode metadata = Json.MAPPER.readTree(root.resolve("upstream/v0/metadata.json").toFile());
        assertThat(metadata.get("replicates").asInt()).isEqualTo(2);
        assertThat(metadata.get("name").asString()).isEqualTo("upstream");
        assertThat(metadata.get("id").asString()).isEqualTo("upstream");
        assertThat(metadata.get("format_version").asInt()).isEqualTo(Result.FORMAT_VERSION);
        assertThat(metadata.get("seed").asLong()).isEqualTo(9);
        assertThat(metadata.get("treatments").get(0).asString()).isEqualTo("treat");
        assertThat(metadata.get("parameters").get("treat").get("increment").asInt()).isEqualTo(1);
        assertThat(metadata.get("parameters").get("baseline").get("increment").asInt()).isZero();
        assertThat(metadata.has("started")).isTrue();
        JsonNode environment = metadata.get("environment");
        assertThat(environment.get("java_version").asString()).isEqualTo(System.getProperty("java.version"));
        assertThat(environment.get("cpus").asInt()).isPositive();
        assertThat(environment.has("os")).isTrue();
        assertThat(environment.get("libraries").has("jackson-databind")).isTrue();
        // read from the build's resource: these classes come from target/classes, not from a jar
        assertThat(environment.get("libraries").get("crystallize").asString())
                .isEqualTo(System.getProperty("crystallize.expected.version")).isNotEqualTo("unknown");
    }

    @Test
    void seedsOfIndependentConditionsAreRecordedPerRun() throws IOException {
        Result result = Experiment.builder("upstream").dataSource(new ReplicateSource())
                .step(Step.<Number, Number>of("Seed", (data, ctx) -> {
                    ctx.metrics().record("seed", ctx.seed());
                    return data;
                })).treatment(increment("treat", 1))
                .plugin(new SeedPlugin(5).independentConditions())
                .plugin(new ArtifactPlugin(root)).replicates(2).build().run();

        JsonNode seeds = Json.MAPPER.readTree(root.resolve("upstream/v0/metadata.json").toFile()).get("condition_seeds");
        for (String condition : List.of("baseline", "treat")) {
            double[] used = result.metric(condition, "seed").values();
            assertThat(seeds.get(condition).get(0).asLong()).isEqualTo((long) used[0]);
            assertThat(seeds.get(condition).get(1).asLong()).isEqualTo((long) used[1]);
        }
        assertThat(seeds.get("treat").get(0).asLong()).isNotEqualTo(seeds.get("baseline").get(0).asLong());
    }

    @Test
    void artifactDataSourceReadsTheLatestCompleteVersionByReplicate() throws IOException {
        upstream(false).replicates(3).build().run();

        Experiment fresh = upstream(false).build();
        DataSource<Path> source = fresh.artifactDataSource("Writer", "out.txt");
        assertThat(source.replicates()).hasValue(3);

        Result downstream = Experiment.builder("downstream").dataSource(source)
                .step(Step.<Path, Path>of("Read", (path, ctx) -> {
                    String text = Files.readString(path);
                    ctx.metrics().record("read_replicate", Integer.parseInt(text.split(" ")[1]));
                    return path;
                })).build().run();
        assertThat(downstream.replicates()).isEqualTo(3);
        assertThat(downstream.metric("baseline", "read_replicate").values()).containsExactly(0, 1, 2);
        assertThat(downstream.errors()).isEmpty();
    }

    @Test
    void requireMetadataFailsNamingTheMissingFile() throws IOException {
        upstream(false).replicates(2).build().run();
        Path metadata = root.resolve("upstream/v0/metadata.json");
        Files.delete(metadata);

        Experiment fresh = upstream(false).build();
        assertThatThrownBy(() -> fresh.artifactDataSource("Writer", "out.txt", "baseline", true))
                .hasMessageContaining(metadata.toString());
        assertThat(fresh.artifactDataSource("Writer", "out.txt", "baseline", false).replicates()).isEmpty();
    }

    @Test
    void missingTreatmentArtifactFallsBackToBaselineWithOneWarning() throws Exception {
        upstream(true).treatment(increment("treat", 1)).replicates(2).build().run();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Logger logger = Logger.getLogger("io.crystallize.artifacts");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            DataSource<Path> own = upstream(true).build().artifactDataSource("Writer", "out.txt", null, false);
            Path fallback = own.fetch(contextOf("treat", 0));
            Path again = own.fetch(contextOf("treat", 1));

            assertThat(fallback).isEqualTo(root.resolve("upstream/v0/replicate_0/baseline/Writer/out.txt"));
            assertThat(again).isEqualTo(root.resolve("upstream/v0/replicate_1/baseline/Writer/out.txt"));
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains(root.resolve("upstream/v0/replicate_0/treat/Writer/out.txt").toString());
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void missingArtifactEverywhereIsAClearNotFoundError() throws IOException {
        upstream(false).build().run();

        DataSource<Path> wrongName = upstream(false).build().artifactDataSource("Writer", "missing.txt");
        assertThatThrownBy(() -> wrongName.fetch(contextOf("baseline", 0)))
                .isInstanceOf(java.io.FileNotFoundException.class)
                .hasMessageContaining("artifact not found").hasMessageContaining("missing.txt");
    }

    @Test
    void writingTheSameArtifactTwiceInOneStepIsAnError() {
        Result result = Experiment.builder("twice").dataSource(new ReplicateSource())
                .step(Step.<Number, Number>of("Twice", (data, ctx) -> {
                    ctx.artifacts().writeText("out.txt", "a");
                    ctx.artifacts().writeText("out.txt", "b");
                    return data;
                })).plugin(new ArtifactPlugin(root)).build().run();

        assertThat(result.errors().get("baseline_rep_0").message())
                .contains("'out.txt'").contains("already written").contains("'Twice'");
    }

    @Test
    void resultsAreWrittenForEveryConditionEvenWhenEveryRunFailed() throws IOException {
        Result result = Experiment.builder("failing").dataSource(ctx -> {
            throw new IllegalStateException("no data today");
        }).step(new RecordStep()).treatment(increment("treat", 1)).parameter("increment", 0)
                .plugin(new ArtifactPlugin(root)).replicates(2).build().run();

        assertThat(result.errors()).hasSize(4);
        for (String condition : List.of("baseline", "treat")) {
            Path results = root.resolve("failing/v0").resolve(condition).resolve("results.json");
            JsonNode node = Json.MAPPER.readTree(results.toFile());
            assertThat(node.get("metrics").isEmpty()).isTrue();
            assertThat(node.get("errors")).hasSize(2);
            assertThat(root.resolve("failing/v0").resolve(condition).resolve(".crystallize_complete")).exists();
        }
    }

    @Test
    void unserialisableArtifactFailsItsStepAndEverythingElseIsWritten() throws IOException {
        Step<Number, Number> unwritable = Step.of("Unwritable", (data, ctx) -> {
            ctx.artifacts().writeJson("model.json", ctx.replicate() == 1 ? new Unwritable() : List.of(1, 2));
            return data;
        });
        Result result = Experiment.builder("unwritable").dataSource(new ReplicateSource()).step(new RecordStep())
                .step(writer(false)).step(unwritable).plugin(new ArtifactPlugin(root)).replicates(3).build().run();

        assertThat(result.errors()).containsOnlyKeys("baseline_rep_1");
        assertThat(result.errors().get("baseline_rep_1").message())
                .contains("'model.json'").contains("'Unwritable'").contains("cannot be written as JSON");
        assertThat(result.metric("baseline", "metric").values()).containsExactly(0, 2);
        Path version = root.resolve("unwritable/v0");
        assertThat(version.resolve("replicate_1/baseline/Writer/out.txt")).exists();
        assertThat(version.resolve("replicate_0/baseline/Unwritable/model.json")).hasContent("[1,2]");
        assertThat(version.resolve("replicate_1/baseline/Unwritable/model.json")).doesNotExist();
        assertThat(version.resolve("baseline/results.json")).exists();
        assertThat(version.resolve("baseline/.crystallize_complete")).exists();
    }

    @Test
    void parameterValueJacksonCannotWriteStillGivesCompleteResults() throws IOException {
        Result result = Experiment.builder("opaque").dataSource(new ReplicateSource()).parameter("model", new Unwritable())
                .step(new RecordStep()).plugin(new ArtifactPlugin(root)).build().run();

        assertThat(result.errors()).isEmpty();
        JsonNode metadata = Json.MAPPER.readTree(root.resolve("opaque/v0/metadata.json").toFile());
        assertThat(metadata.get("parameters").get("baseline").get("model").asString()).contains("Unwritable");
        assertThat(root.resolve("opaque/v0/baseline/.crystallize_complete")).exists();
    }

    @Test
    void artifactRootThatIsAFileIsAClearErrorBeforeAnyRun() throws IOException {
        Path file = Files.writeString(root.resolve("not-a-directory"), "x");
        List<Integer> fetched = new ArrayList<>();
        Experiment experiment = Experiment.builder("upstream").dataSource(ctx -> fetched.add(1) ? 0 : 0)
                .step(new RecordStep()).plugin(new ArtifactPlugin(file)).build();

        assertThatThrownBy(experiment::run).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is a file");
        assertThat(fetched).isEmpty();
        assertThat(ArtifactPlugin.DEFAULT_ROOT).isEqualTo(Path.of("target", "crystallize"));
    }

    @Test
    void twoExperimentsWithOneNameUnderOneRootAreAClearError() {
        upstream(false).id("com.example.First").build().run();

        Experiment second = upstream(false).id("com.example.Second").build();
        assertThatThrownBy(second::run).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("com.example.First").hasMessageContaining("com.example.Second")
                .hasMessageContaining("'upstream'");
    }

    @Test
    void anExperimentDirectoryWrittenByAnotherExperimentBeforeThisJvmIsAClearError() throws IOException {
        Path foreign = Files.createDirectories(root.resolve("upstream").resolve("v0"));
        Files.writeString(foreign.resolve("metadata.json"), "{\"replicates\": 1, \"id\": \"com.example.Other\"}");

        Experiment experiment = upstream(false).id("com.example.Mine").build();
        assertThatThrownBy(experiment::run).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("com.example.Other").hasMessageContaining("com.example.Mine");
    }

    @Test
    void aVersionClaimedElsewhereSinceTheLastExecutionIsSkipped() throws IOException {
        Experiment experiment = upstream(false).build();
        experiment.run();
        Path claimedByAnotherProcess = Files.createDirectory(root.resolve("upstream").resolve("v1"));

        experiment.run();

        assertThat(experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory())
                .isEqualTo(root.resolve("upstream").resolve("v2"));
        try (Stream<Path> children = Files.list(claimedByAnotherProcess)) {
            assertThat(children).isEmpty();
        }
    }

    @Test
    void anExperimentDirectoryDeletedBetweenExecutionsStartsAgainAtTheFirstVersion() throws IOException {
        Experiment experiment = upstream(false).build();
        experiment.run();
        experiment.run();
        try (Stream<Path> walk = Files.walk(root.resolve("upstream"))) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }

        Result result = experiment.run();

        Path version = root.resolve("upstream").resolve("v0");
        assertThat(experiment.getPlugin(ArtifactPlugin.class).orElseThrow().versionDirectory()).isEqualTo(version);
        assertThat(version.resolve("baseline").resolve(".crystallize_complete")).exists();
        assertThat(ArtifactPlugin.readResult(version)).isEqualTo(result);
    }

    /** Jackson cannot write it: its getter throws. */
    public static final class Unwritable {
        public String getState() {
            throw new IllegalStateException("not ready");
        }
    }

    private static Context contextOf(String condition, int replicate) {
        return TestContexts.of(condition, replicate);
    }

    private List<Path> leftoverTemporaryFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
