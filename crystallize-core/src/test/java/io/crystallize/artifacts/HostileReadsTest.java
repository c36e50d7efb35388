package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Experiment;
import io.crystallize.core.TestContexts;
import io.crystallize.definition.ExperimentSettings;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every read of stored results stays inside the results directory, reads only regular files, and only so much. */
class HostileReadsTest {

    @TempDir
    Path root;

    @TempDir
    Path outside;

    private Experiment upstream;
    private Path version;

    @BeforeEach
    void storeOneVersion() {
        upstream = Experiment.builder("upstream").dataSource(new ReplicateSource()).step(ArtifactPluginTest.writer(false))
                .step(new RecordStep()).plugin(new ArtifactPlugin(root)).replicates(2).build();
        upstream.run();
        version = root.resolve("upstream/v0");
    }

    @Test
    void artifactDataSourceTakesNamesNotPaths() {
        assertThatThrownBy(() -> upstream.artifactDataSource("Writer", "/etc/passwd", null, false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("artifact name '/etc/passwd' is invalid")
                .hasMessageContaining("read only from inside");
        assertThatThrownBy(() -> upstream.artifactDataSource("/etc", "passwd", null, false))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("step name '/etc' is invalid");
        assertThatThrownBy(() -> upstream.artifactDataSource("..", "out.txt", null, false))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("step name '..' is invalid");
        assertThatThrownBy(() -> upstream.artifactDataSource("Writer", "out.txt", "../../../etc", false))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("condition name '../../../etc'");
    }

    @Test
    void anUpstreamArtifactOfTheAnnotationLayerTakesNamesToo() {
        ExperimentSettings settings = ExperimentSettings.defaults().withArtifactRoot(root);
        assertThatThrownBy(() -> settings.upstreamArtifact("upstream", "Writer", "/etc/passwd", ""))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("artifact name '/etc/passwd'");
        assertThatThrownBy(() -> settings.upstreamArtifact("../upstream", "Writer", "out.txt", ""))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("experiment name '../upstream'");
    }

    @Test
    void anArtifactThatIsALinkLeadingOutOfTheResultsIsRefused() throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.txt"), "not yours");
        Path artifact = version.resolve("replicate_1/baseline/Writer/out.txt");
        Files.delete(artifact);
        Files.createSymbolicLink(artifact, secret);
        var source = upstream.artifactDataSource("Writer", "out.txt", null, false);

        assertThat(source.fetch(TestContexts.of("baseline", 0))).hasContent("hello 0 baseline");
        assertThatThrownBy(() -> source.fetch(TestContexts.of("baseline", 1))).isInstanceOf(IOException.class)
                .hasMessageContaining(artifact.toString()).hasMessageContaining("outside")
                .hasMessageContaining("read only from inside their directory");
    }

    @Test
    void anArtifactThatIsNotARegularFileIsRefused() throws IOException {
        Path artifact = version.resolve("replicate_1/baseline/Writer/out.txt");
        Files.delete(artifact);
        Files.createDirectory(artifact);
        var source = upstream.artifactDataSource("Writer", "out.txt", null, false);

        assertThatThrownBy(() -> source.fetch(TestContexts.of("baseline", 1))).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a regular file");
    }

    @Test
    void aConditionInResultJsonThatIsAPathIsNeverFollowed() throws IOException {
        Files.createDirectories(outside.resolve("etc"));
        Files.writeString(outside.resolve("etc/results.json"), "{\"metrics\":{\"leak\":[1.0]}}");
        Path result = version.resolve("result.json");
        String relative = version.relativize(outside.resolve("etc")).toString();
        Files.writeString(result, Files.readString(result).replace("\"conditions\":[\"baseline\"]",
                "\"conditions\":[\"baseline\",\"" + relative + "\"]"));
        assertThat(Files.readString(result)).contains(relative);

        assertThatThrownBy(() -> ArtifactPlugin.readResult(version)).isInstanceOf(IOException.class)
                .hasMessageContaining(result.toString()).hasMessageContaining("lists condition \"" + relative + "\"")
                .hasMessageContaining("delete " + version);
    }

    @Test
    void aResultsFileLinkedToAnEndlessDeviceIsRefusedWithoutReadingIt() throws IOException {
        Path results = version.resolve("baseline/results.json");
        Files.delete(results);
        Files.createSymbolicLink(results, Path.of("/dev/zero"));

        assertThatThrownBy(() -> ArtifactPlugin.readResult(version)).isInstanceOf(IOException.class)
                .hasMessageContaining(results.toString()).hasMessageContaining("outside");
    }

    @Test
    void upstreamMetadataLinkedOutsideIsRefused() throws IOException {
        Path metadata = version.resolve("metadata.json");
        Files.delete(metadata);
        Files.createSymbolicLink(metadata, Files.writeString(outside.resolve("m.json"), "{\"replicates\": 2}"));

        assertThatThrownBy(() -> upstream.artifactDataSource("Writer", "out.txt", null, true))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("outside");
    }

    @Test
    void filesAreReadOnlyUpToTheLimit() throws IOException {
        Path file = Files.write(root.resolve("eleven.json"), new byte[11]);

        assertThat(Confined.read(root, file, 11)).hasSize(11);
        assertThatThrownBy(() -> Confined.read(root, file, 10)).isInstanceOf(IOException.class)
                .hasMessageContaining("holds 11 bytes, more than the 10");
    }
}
