package io.crystallize.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The floor's listener writes one version of the layout per finished test, on either thread, before the run ends. */
class LayoutWritingListenerTest {

    /** Run only by the launcher below (Surefire leaves nested classes out). */
    static class TwoTests {
        @Test
        void one() {
        }

        @Test
        void two() {
        }
    }

    @Test
    void everyFinishedTestHasItsVersionOnTheTestsThread(@TempDir Path root) throws IOException {
        run(LayoutWritingListener.onTestThread(root));
        assertLayout(root);
    }

    @Test
    void theSecondThreadHasWrittenEveryVersionWhenTheRunEnds(@TempDir Path root) throws IOException {
        LayoutWritingListener listener = LayoutWritingListener.onSecondThread(root);
        run(listener);
        listener.close();
        assertLayout(root);
    }

    private static void run(LayoutWritingListener listener) {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(TwoTests.class)).build(), listener);
    }

    /** Both tests of one class: versions 0 and 1 of its experiment, each complete. */
    private static void assertLayout(Path root) throws IOException {
        Path experiment = root.resolve("LayoutWritingListenerTest$TwoTests");
        try (Stream<Path> versions = Files.list(experiment)) {
            assertEquals(List.of("v0", "v1"), versions.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (String version : List.of("v0", "v1")) {
            Path dir = experiment.resolve(version);
            assertEquals(3500, Files.size(dir.resolve("result.json")));
            assertEquals(1500, Files.size(dir.resolve("metadata.json")));
            for (String condition : List.of("baseline", "shifted")) {
                assertTrue(Files.exists(dir.resolve(condition).resolve(".crystallize_complete")), dir + " " + condition);
                assertEquals(250, Files.size(dir.resolve(condition).resolve("results.json")));
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
            }
        }
    }
}
