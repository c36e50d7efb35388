package io.crystallize.samples.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BuilderApiExampleTest {

    @Test
    void discountRaisesRevenueAndResultsAreWritten() throws IOException {
        Path root = Path.of("target", "crystallize-builder");
        assertThat(BuilderApiExample.run(root)).isTrue();
        Path newest;
        try (Stream<Path> versions = Files.list(root.resolve("discount"))) {
            newest = versions.max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(1))))
                    .orElseThrow();
        }
        assertThat(newest.resolve("metadata.json")).isRegularFile();
        for (String condition : new String[] {"baseline", "ten_percent"}) {
            assertThat(newest.resolve(condition).resolve("results.json")).isRegularFile();
            assertThat(newest.resolve(condition).resolve(".crystallize_complete")).exists();
        }
    }
}
