package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.crystallize.hypothesis.Verdict;
import io.crystallize.junit.fixtures.StepCalls;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * What build tools get to show: a distinct name per treatment test that still leads to the
 * hypothesis method, the verdict line of every treatment test on standard output (Surefire's
 * {@code TEST-*.xml} and console take it from there; {@code check.sh} runs real Surefire), and
 * the verdict table after each experiment.
 */
class ReportingTest {

    static final UniqueId EVERY = DiscoveryTest.SCORE.append("hypothesis", "everyTreatmentWins");

    @TempDir
    Path artifacts;

    @BeforeEach
    void resetCounts() {
        StepCalls.reset();
    }

    @Test
    void eachTreatmentTestHasItsOwnNameAndASourceLeadingToTheHypothesisMethod() throws Exception {
        TestDescriptor every = Kit.engine(artifacts).selectors(selectUniqueId(EVERY)).discover().getEngineDescriptor()
                .findByUniqueId(EVERY).orElseThrow();

        List<? extends TestDescriptor> tests = List.copyOf(every.getChildren());
        assertThat(tests).extracting(TestDescriptor::getLegacyReportingName)
                .containsExactly("everyTreatmentWins[faster]", "everyTreatmentWins[slower]", "everyTreatmentWins[fastest]");
        // Surefire names a test by its legacy reporting name only when its method source has parameter types
        assertThat(tests).extracting(t -> ((MethodSource) t.getSource().orElseThrow()).getMethodParameterTypes())
                .containsExactly("faster", "slower", "fastest");
        assertThat(tests).extracting(TestDescriptor::getSource).doesNotHaveDuplicates();
        for (TestDescriptor test : tests) {
            MethodSource source = (MethodSource) test.getSource().orElseThrow();
            // how IDEs find the method: by class and name (hypothesis methods cannot be overloaded)
            Method method = Class.forName(source.getClassName()).getDeclaredMethod(source.getMethodName());
            assertThat(method).isEqualTo(((MethodSource) every.getSource().orElseThrow()).getJavaMethod());
        }
    }

    @Test
    void everyTreatmentTestPrintsItsVerdictLinesPassingOrFailing() {
        Captured<EngineExecutionResults> run = printed(() -> Kit.engine(artifacts)
                .selectors(selectUniqueId(EVERY)).execute());

        run.value().testEvents().assertStatistics(stats -> stats.succeeded(2).failed(1));
        for (Event finished : run.value().testEvents().finished().list()) {
            TestDescriptor test = finished.getTestDescriptor();
            String treatment = test.getDisplayName();
            String line = run.lines().stream().filter(l -> l.startsWith(test.getLegacyReportingName() + ": "))
                    .collect(Collectors.joining("\n"));
            assertThat(line).as(treatment).contains("score: " + treatment + " ", " vs baseline ", "95% CI",
                    "paired t p=", "(Holm ", "8 pairs", treatment.equals("slower") ? "NOT_SUPPORTED" : "— SUPPORTED");
        }
    }

    @Test
    void aTableOfEveryVerdictFollowsTheExperiment() {
        Captured<EngineExecutionResults> run = printed(() -> Kit.engine(artifacts)
                .selectors(selectClass(ScoreExperiment.class)).execute());

        List<String> lines = run.lines();
        int header = lines.indexOf("Crystallize verdicts of ScoreExperiment (8 replicates, master seed 7):");
        assertThat(header).as(String.join("\n", lines)).isPositive();
        // after the last treatment test's own line
        assertThat(lines.subList(0, header)).anyMatch(l -> l.startsWith("everyTreatmentWins[fastest]: "));
        assertThat(lines.get(header + 1).trim().split("\\s{2,}")).containsExactly("hypothesis[treatment]", "metric",
                "verdict", "effect (95% CI)", "adjusted p", "n", "MDE (80%)");
        List<String[]> rows = lines.subList(header + 2, header + 7).stream().map(l -> l.trim().split("\\s{2,}")).toList();
        assertThat(rows).extracting(r -> r[0] + " " + r[2]).containsExactly("fasterWins[faster] SUPPORTED",
                "slowerWins[slower] NOT_SUPPORTED", "everyTreatmentWins[faster] SUPPORTED",
                "everyTreatmentWins[slower] NOT_SUPPORTED", "everyTreatmentWins[fastest] SUPPORTED");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r).hasSize(7);
            assertThat(r[1]).isEqualTo("score");
            assertThat(r[3]).matches("[+-]\\d+\\.\\d% \\[[+-]\\d+\\.\\d%, [+-]\\d+\\.\\d%]");
            assertThat(r[5]).isEqualTo("8 pairs");
            assertThat(Double.parseDouble(r[6])).isPositive();
        });
    }

    @Test
    void tableCellsComeFromTheVerdict() {
        Verdict relative = Verdict.builder("latency", "lru").status(Verdict.Status.SUPPORTED).relativePercent(-12.34)
                .relativeCi(-15.0, -9.66).difference(-3).ci(-4, -2).adjustedPValue(0.00001234).nPairs(20)
                .mde(1.2345, Double.NaN).build();
        Verdict absolute = Verdict.builder("errors", "lru").status(Verdict.Status.INCONCLUSIVE).difference(-0.5)
                .ci(-1.25, 0.25).n(9, 10).build();

        assertThat(VerdictTable.effect(relative)).isEqualTo("-12.3% [-15.0%, -9.7%]");
        assertThat(VerdictTable.p(relative.adjustedPValue())).isEqualTo("1.2e-05");
        assertThat(VerdictTable.n(relative)).isEqualTo("20 pairs");
        assertThat(VerdictTable.effect(absolute)).isEqualTo("-0.500 [-1.25, +0.250]");
        assertThat(VerdictTable.p(absolute.adjustedPValue())).isEqualTo("-");
        assertThat(VerdictTable.n(absolute)).isEqualTo("10 vs 9");
    }

    /** What {@code action} printed to standard output, line by line, and its value. */
    static <T> Captured<T> printed(Supplier<T> action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        T value;
        try {
            value = action.get();
        } finally {
            System.setOut(original);
        }
        return new Captured<>(value, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    record Captured<T>(T value, List<String> lines) {
    }
}
