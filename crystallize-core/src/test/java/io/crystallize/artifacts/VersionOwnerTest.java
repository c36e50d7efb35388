package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;

/** The owner of a version directory, read from its metadata without building the whole document. */
class VersionOwnerTest {

    @TempDir
    Path temp;

    @Test
    void readsTheTopLevelIdPastNestedOnes() {
        String json = """
                {"environment": {"id": "nested", "libraries": [{"id": "deeper"}], "cpus": 2},
                 "parameters": [[1, 2], {"x": {"id": 3}}],
                 "id": "bench.Owner", "replicates": 10}""";
        assertThat(VersionReader.topLevelString(bytes(json), "id")).contains("bench.Owner");
    }

    @Test
    void nothingWhenTheIdIsMissingNotTextOrNotInAnObject() {
        assertThat(VersionReader.topLevelString(bytes("{\"environment\": {\"id\": \"nested\"}}"), "id")).isEmpty();
        assertThat(VersionReader.topLevelString(bytes("{\"id\": 42}"), "id")).isEmpty();
        assertThat(VersionReader.topLevelString(bytes("{\"id\": {\"name\": \"x\"}}"), "id")).isEmpty();
        assertThat(VersionReader.topLevelString(bytes("[{\"id\": \"in an array\"}]"), "id")).isEmpty();
    }

    @Test
    void aFileCutOffAfterTheIdIsNotWhole() {
        assertThatThrownBy(() -> VersionReader.topLevelString(
                bytes("{\"id\": \"bench.Cut\", \"environment\": {\"jdk\": \"17"), "id"))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void ownerOfAVersionDirectory() throws Exception {
        Path version = Files.createDirectories(temp.resolve("Owned").resolve("v0"));
        assertThat(VersionReader.owner(version)).isEqualTo(Optional.empty());
        Files.writeString(version.resolve(Layout.METADATA), "{\"environment\": {\"os\": \"Linux\"}, \"id\": \"bench.Owned\"}");
        assertThat(VersionReader.owner(version)).contains("bench.Owned");
        Files.writeString(version.resolve(Layout.METADATA), "{\"id\": \"bench.Owned\", \"environment\": ");
        assertThat(VersionReader.owner(version)).as("a damaged file names no owner").isEmpty();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
