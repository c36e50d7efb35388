package io.crystallize.validity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The validity suite: false-positive rates, power at the reported MDE and CI coverage of every
 * default path and built-in test, measured by seeded Monte-Carlo experiments.
 *
 * <ul>
 *   <li>Smoke (the default, part of {@code mvn verify}): the {@link Grid#smoke()} grid on one
 *       thread; one dynamic test per scenario asserting its target, known failures
 *       ({@link KnownFailures}) reported as skipped, and failing once they pass.</li>
 *   <li>Full ({@code -Dcrystallize.validity=full}): the {@link Grid#full(int)} grid on a small
 *       pool ({@code crystallize.validity.threads}, default 2) with
 *       {@code crystallize.validity.experiments} per stage (default {@value Grid#FULL_EXPERIMENTS});
 *       writes the table to {@code docs/validity.md} and prints the failures. It reports; it does
 *       not fail on a missed target.</li>
 * </ul>
 */
class ValidityTest {

    static final String MODE = "crystallize.validity";
    static final String EXPERIMENTS = "crystallize.validity.experiments";
    static final String THREADS = "crystallize.validity.threads";
    static final String COMMAND = "mvn -B -ntp -pl crystallize-core test -Dtest=ValidityTest -Dcrystallize.validity=full";

    private static boolean fullMode() {
        return "full".equals(System.getProperty(MODE, "smoke").toLowerCase(Locale.ROOT));
    }

    @TestFactory
    List<DynamicTest> smoke() throws IOException {
        assumeTrue(!fullMode(), "the full run replaces the smoke run");
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        List<Measurement> measurements = ValidityRun.measure(Grid.smoke(), 1);
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double seconds = (System.nanoTime() - start) / 1e9;
        String table = ValidityTable.rows(measurements);
        System.out.printf(Locale.ROOT, "Validity smoke run: %d scenarios in %.1f s (%.1f s of CPU, one thread)%n%s",
                measurements.size(), seconds, cpu, table);
        Path out = Path.of("target", "validity-smoke.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);

        List<DynamicTest> tests = new ArrayList<>();
        Set<String> ids = measurements.stream().map(m -> m.scenario().id()).collect(Collectors.toSet());
        Set<String> stale = new TreeSet<>(KnownFailures.SMOKE);
        stale.removeAll(ids);
        tests.add(DynamicTest.dynamicTest("known failures name smoke scenarios", () -> assertThat(stale)
                .as("known failures that are not smoke scenarios (renamed or removed): delete them").isEmpty()));
        for (Measurement m : measurements) {
            tests.add(DynamicTest.dynamicTest(m.scenario().id(), () -> judge(m, KnownFailures.SMOKE)));
        }
        return tests;
    }

    /**
     * Asserts one scenario's target: a failure fails, a known failure is skipped (aborted) with
     * its numbers, a known failure that passes or is no longer measured fails, naming the list.
     */
    static void judge(Measurement m, Set<String> knownFailures) {
        boolean known = knownFailures.contains(m.scenario().id());
        switch (m.status()) {
            case PASS -> {
                if (known) {
                    fail("now passes: remove from known failures: " + m);
                }
            }
            case FAIL -> {
                if (known) {
                    abort("known failure: " + m);
                }
                fail(m.toString());
            }
            case NOT_MEASURED -> {
                if (known) {
                    fail("no longer measured: remove from known failures: " + m);
                }
                abort("not measured: " + m.note());
            }
        }
    }

    @Test
    void fullGrid() throws IOException {
        assumeTrue(fullMode(), "run with -D" + MODE + "=full for the whole grid (see README, Validity)");
        int experiments = Integer.getInteger(EXPERIMENTS, Grid.FULL_EXPERIMENTS);
        int threads = Integer.getInteger(THREADS, 2);
        Grid grid = Grid.full(experiments);
        long start = System.nanoTime();
        ValidityRun run = ValidityRun.run(grid, threads);
        List<Measurement> measurements = run.measurements();
        double seconds = (System.nanoTime() - start) / 1e9;
        String command = experiments == Grid.FULL_EXPERIMENTS ? COMMAND
                : COMMAND + " -D" + EXPERIMENTS + "=" + experiments;
        String page = ValidityTable.document(measurements, command, experiments);
        Path root = Path.of(System.getProperty("crystallize.repository.root", ".."));
        Path out = root.resolve("docs").resolve("validity.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, page, StandardCharsets.UTF_8);
        List<Measurement> failing = measurements.stream().filter(m -> m.status() == Measurement.Status.FAIL).toList();
        System.out.printf(Locale.ROOT, "Validity full run: %d scenarios in %.0f s on %d threads (CPU seconds per group: %s), "
                + "%d failing; table in %s%n%s%n%s", measurements.size(), seconds, threads, run.cpuSecondsByGroup(),
                failing.size(), out.toAbsolutePath().normalize(), ValidityTable.summary(measurements),
                ValidityTable.rows(failing));
        assertThat(measurements).hasSize(grid.scenarioCount());
    }
}
