package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.crystallize.junit.fixtures.StepCalls;
import io.crystallize.junit.fixtures.chain.AaDownstreamExperiment;
import io.crystallize.junit.fixtures.chain.UpstreamExperiment;
import io.crystallize.junit.fixtures.outcomes.DisabledExperiment;
import io.crystallize.junit.fixtures.plain.PlainTest;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Experiments a build tool's class-name filter left out are named in a warning; a launch that
 * chose its tests hears nothing. Surefire is played here by its configuration parameters (its
 * fork's system properties): {@code check.sh} runs the real one.
 */
class UnselectedExperimentsTest {

    @TempDir
    Path artifacts;

    @TempDir
    Path work;

    @BeforeEach
    void resetCounts() {
        StepCalls.reset();
    }

    @Test
    void experimentsTheClassNameFilterRejectsAreNamedWithTheFix() {
        EngineDiscoveryResults results = Kit.engine(artifacts)
                .selectors(selectPackage("io.crystallize.junit.fixtures.chain"))
                .filters(includeClassNamePatterns(".*Downstream.*"))
                .discover();

        assertThat(results.getEngineDescriptor().getChildren()).hasSize(1);
        DiscoveryIssue issue = single(results);
        assertThat(issue.severity()).isEqualTo(Severity.WARNING);
        assertThat(issue.message()).contains(UpstreamExperiment.class.getName(), "--include-classname '.*Experiment'",
                "<includes>", Constants.UNSELECTED + "=ignore").doesNotContain(AaDownstreamExperiment.class.getName());
    }

    @Test
    void aClasspathRootScanWithTheConsoleLaunchersDefaultPatternWarns() {
        EngineDiscoveryResults results = Kit.engine(artifacts)
                .selectors(selectClasspathRoots(Set.of(testClasses())))
                .filters(includeClassNamePatterns("^(Test.*|.+[.$]Test.*|.*Tests?)$"))
                .discover();

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(results.getDiscoveryIssues()).filteredOn(i -> i.message().startsWith("experiments were not selected"))
                .singleElement().satisfies(issue -> assertThat(issue.message())
                        .contains(ScoreExperiment.class.getName(), DisabledExperiment.class.getName()));
    }

    @Test
    void aClassSelectorTheFilterRejectsIsNamedToo() {
        EngineDiscoveryResults results = Kit.engine(artifacts)
                .selectors(selectClass(DisabledExperiment.class))
                .filters(includeClassNamePatterns(".*Tests?"))
                .discover();

        assertThat(single(results).message()).contains(DisabledExperiment.class.getName());
    }

    @Test
    void chosenTestsOrAnIgnoreSettingNeverWarn() {
        assertThat(Kit.engine(artifacts).selectors(selectMethod(ScoreExperiment.class, "fasterWins"))
                .filters(includeClassNamePatterns(".*Test")).discover().getDiscoveryIssues()).isEmpty();
        assertThat(Kit.engine(artifacts).selectors(selectUniqueId(DiscoveryTest.SCORE))
                .filters(includeClassNamePatterns(".*Test")).discover().getDiscoveryIssues()).isEmpty();
        assertThat(Kit.engine(artifacts).selectors(selectPackage("io.crystallize.junit.fixtures.chain"))
                .filters(includeClassNamePatterns(".*Aa.*"))
                .configurationParameter(Constants.UNSELECTED, "ignore").discover().getDiscoveryIssues()).isEmpty();
    }

    @Test
    void surefireIncludesThatLeaveExperimentsOutWarnWhenTheRunStarts() {
        List<String> logged = new ArrayList<>();
        EngineExecutionResults results = logging(logged, () -> surefire()
                .selectors(selectClass(PlainTest.class), selectClass(ScoreExperiment.class))
                .execute());

        String warning = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("warning"))
                .filter(w -> w != null).findFirst().orElseThrow();
        assertThat(warning).startsWith("experiments on the test class path did not run because Surefire's <includes>")
                .contains("<include>**/*Experiment.java</include>", Constants.UNSELECTED + "=ignore");
        String named = warning.substring(warning.indexOf("match them: ") + 12, warning.indexOf(". Add "));
        assertThat(named.split(", ")).contains(UpstreamExperiment.class.getName(), DisabledExperiment.class.getName())
                .doesNotContain(ScoreExperiment.class.getName());
        assertThat(logged).containsExactly(warning);
        // warned before any experiment ran, and the selected one still ran
        results.testEvents().assertStatistics(stats -> stats.started(5));
    }

    @Test
    void surefireRunsThatChoseTheirTestsDoNotWarn() {
        List<String> logged = new ArrayList<>();
        logging(logged, () -> surefire().configurationParameter("test", "PlainTest")
                .selectors(selectClass(PlainTest.class)).execute());
        logging(logged, () -> surefire().configurationParameter(Constants.UNSELECTED, "ignore")
                .selectors(selectClass(PlainTest.class)).execute());
        logging(logged, () -> surefire().selectors(selectMethod(ScoreExperiment.class, "fasterWins")).execute());
        // outside Surefire, a class selector is a choice (an IDE running one class)
        logging(logged, () -> Kit.engine(artifacts).selectors(selectClass(PlainTest.class)).execute());

        assertThat(logged).isEmpty();
    }

    @Test
    void generatedClassFilesNameTheExperimentsWithoutLoadingThem() throws Exception {
        Path pkg = Files.createDirectories(work.resolve("a/b"));
        for (String file : List.of("CacheExperiment.class", "CacheExperiment_CrystallizePipeline.class",
                "Outer$Inner.class", "Outer$Inner_CrystallizePipeline.class", "Deleted_CrystallizePipeline.class",
                "Helper.class")) {
            Files.writeString(pkg.resolve(file), "not a class");
        }

        assertThat(GeneratedExperiments.in(work)).containsExactly("a.b.CacheExperiment", "a.b.Outer$Inner");
        assertThat(GeneratedExperiments.in(work.resolve("missing"))).isEmpty();
    }

    @Test
    void surefireDefaultIncludesByClassName() {
        assertThat(List.of("a.TestCache", "a.CacheTest", "a.CacheTests", "a.CacheTestCase"))
                .allMatch(SurefireIncludes::matchedByDefaultIncludes);
        assertThat(List.of("a.CacheExperiment", "a.Testing$CacheTest", "a.CacheIT"))
                .noneMatch(SurefireIncludes::matchedByDefaultIncludes);
    }

    /** The engine as a Surefire fork sees it: its test class path is a system property. */
    private EngineTestKit.Builder surefire() {
        return Kit.engine(artifacts).configurationParameter(SurefireIncludes.TEST_CLASS_PATH,
                testClasses() + File.pathSeparator + work.resolve("absent"));
    }

    private static Path testClasses() {
        try {
            return Path.of(ScoreExperiment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T logging(List<String> into, Supplier<T> action) {
        Logger logger = Logger.getLogger("io.crystallize.junit");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                into.add(record.getMessage());
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
            return action.get();
        } finally {
            logger.removeHandler(handler);
        }
    }

    private static DiscoveryIssue single(EngineDiscoveryResults results) {
        assertThat(results.getDiscoveryIssues()).hasSize(1);
        return results.getDiscoveryIssues().get(0);
    }
}
