package io.crystallize.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Whether an experiment has complete results on disk (the artifact layout of DESIGN §3.5). */
final class UpstreamResults {

    private static final String COMPLETE = ".crystallize_complete";

    private UpstreamResults() {
    }

    /** True when some {@code <root>/<experiment>/v<n>} has every condition marked complete. */
    static boolean complete(Path root, String experiment) {
        Path dir = root.resolve(experiment);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> versions = Files.list(dir)) {
            return versions.filter(v -> v.getFileName().toString().matches("v\\d+"))
                    .anyMatch(UpstreamResults::versionComplete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean versionComplete(Path version) {
        try (Stream<Path> children = Files.list(version)) {
            List<Path> conditions = children.filter(Files::isDirectory)
                    .filter(c -> !c.getFileName().toString().startsWith("replicate_"))
                    .toList();
            return !conditions.isEmpty() && conditions.stream().allMatch(c -> Files.exists(c.resolve(COMPLETE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
