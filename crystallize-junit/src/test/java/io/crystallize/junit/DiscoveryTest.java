package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.engine.discovery.PackageNameFilter.excludePackageNames;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.started;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.EventConditions.uniqueId;

import io.crystallize.junit.fixtures.StepCalls;
import io.crystallize.junit.fixtures.chain.AaDownstreamExperiment;
import io.crystallize.junit.fixtures.chain.UpstreamExperiment;
import io.crystallize.junit.fixtures.outcomes.InconclusiveExperiment;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class DiscoveryTest {

    static final UniqueId ENGINE = UniqueId.forEngine("crystallize");
    static final UniqueId SCORE = ENGINE.append("experiment", ScoreExperiment.class.getName());

    @TempDir
    Path artifacts;

    @TempDir
    Path work;

    @BeforeEach
    void resetCounts() {
        StepCalls.reset();
    }

    @Test
    void classSelectorBuildsTheWholeTree() {
        EngineDiscoveryResults results = Kit.engine(artifacts).selectors(selectClass(ScoreExperiment.class)).discover();

        assertThat(results.getDiscoveryIssues()).isEmpty();
        TestDescriptor engine = results.getEngineDescriptor();
        TestDescriptor experiment = only(engine.getChildren());
        assertThat(experiment.getUniqueId()).isEqualTo(SCORE);
        assertThat(experiment.isContainer()).isTrue();
        assertThat(experiment.getDisplayName()).isEqualTo("ScoreExperiment");
        assertThat(experiment.getSource()).contains(ClassSource.from(ScoreExperiment.class));
        assertThat(experiment.getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactly("fasterWins", "slowerWins", "everyTreatmentWins");

        TestDescriptor every = experiment.findByUniqueId(SCORE.append("hypothesis", "everyTreatmentWins")).orElseThrow();
        assertThat(every.isContainer()).isTrue();
        assertThat(every.getSource()).hasValueSatisfying(source ->
                assertThat(((MethodSource) source).getMethodName()).isEqualTo("everyTreatmentWins"));
        assertThat(every.getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactly("faster", "slower", "fastest");
        TestDescriptor slower = every.findByUniqueId(every.getUniqueId().append("treatment", "slower")).orElseThrow();
        assertThat(slower.isTest()).isTrue();
        assertThat(slower.getLegacyReportingName()).isEqualTo("everyTreatmentWins[slower]");
        assertThat(slower.getSource()).contains(MethodSource.from(ScoreExperiment.class.getName(), "everyTreatmentWins",
                "slower"));
        assertThat(slower.getTags()).extracting(Object::toString).containsExactlyInAnyOrder("score", "fast");
        assertThat(engine.getDescendants().stream().filter(TestDescriptor::isTest)).hasSize(5);
    }

    @Test
    void classSelectorRunsEveryHypothesisInOrder() {
        EngineExecutionResults results = Kit.engine(artifacts).selectors(selectClass(ScoreExperiment.class)).execute();

        results.containerEvents().assertStatistics(stats -> stats.started(5).succeeded(5));
        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(3).failed(2));
        results.allEvents().started().assertEventsMatchExactly(
                event(uniqueId(ENGINE)),
                event(container(), uniqueId(SCORE)),
                event(container("fasterWins")),
                event(test("fasterWins"), uniqueId(SCORE.append("hypothesis", "fasterWins").append("treatment", "faster"))),
                event(container("slowerWins")),
                event(test("slower")),
                event(container("everyTreatmentWins")),
                event(test("faster")),
                event(test("slower")),
                event(test("fastest")));
        results.testEvents().assertThatEvents()
                .haveExactly(2, event(test("slower"), finishedWithFailure()))
                .haveExactly(1, event(test("fastest"), finishedSuccessfully()));
    }

    @Test
    void methodSelectorKeepsOnlyThatHypothesis() {
        EngineExecutionResults results = Kit.engine(artifacts)
                .selectors(selectMethod(ScoreExperiment.class, "fasterWins")).execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("fasterWins"), finishedSuccessfully()));
    }

    @Test
    void methodSelectorOfAPlainMethodIsNotClaimed() {
        EngineDiscoveryResults results = Kit.engine(artifacts)
                .selectors(selectMethod(ScoreExperiment.class, "toString")).discover();

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
    }

    @Test
    void packageSelectorFindsEveryExperimentBelowIt() {
        EngineDiscoveryResults results = Kit.engine(artifacts)
                .selectors(selectPackage("io.crystallize.junit.fixtures.chain")).discover();

        assertThat(results.getDiscoveryIssues()).isEmpty();
        assertThat(results.getEngineDescriptor().getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactly("UpstreamExperiment", "AaDownstreamExperiment");
    }

    @Test
    void classpathRootSelectorFindsExperiments() {
        EngineDiscoveryResults results = Kit.engine(artifacts)
                .selectors(selectClasspathRoots(Set.of(classpathRoot())))
                .discover();

        assertThat(results.getEngineDescriptor().getChildren()).extracting(TestDescriptor::getDisplayName)
                .contains("ScoreExperiment", "UpstreamExperiment", "AaDownstreamExperiment", "FlakyExperiment")
                .doesNotContain("Scores", "StepCalls", "ScoreExperiment_CrystallizePipeline");
        assertThat(results.getDiscoveryIssues()).extracting(DiscoveryIssue::severity)
                .doesNotContain(DiscoveryIssue.Severity.ERROR);
    }

    @Test
    void classpathRootSelectorReportsInvalidAndRuntimeReadExperiments() throws Exception {
        Path root = Compiled.compile(work.resolve("classes"), false, Compiled.source("RuntimeReadExperiment"),
                Compiled.source("InvalidExperiment"));
        EngineDiscoveryResults results;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // classpath scanning loads the classes it finds through the context class loader
        try (URLClassLoader loader = Compiled.loader(root)) {
            thread.setContextClassLoader(loader);
            results = Kit.engine(artifacts).selectors(selectClasspathRoots(Set.of(root))).discover();
        } finally {
            thread.setContextClassLoader(previous);
        }

        assertThat(results.getEngineDescriptor().getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactly("RuntimeReadExperiment");
        assertThat(results.getDiscoveryIssues())
                .anySatisfy(issue -> {
                    assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR);
                    assertThat(issue.message()).contains("InvalidExperiment cannot run");
                })
                .anySatisfy(issue -> {
                    assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
                    assertThat(issue.message()).contains("RuntimeReadExperiment", "compile-time checks were skipped");
                })
                .hasSize(2);
    }

    @Test
    void classNameAndPackageFiltersApply() {
        EngineDiscoveryResults byName = Kit.engine(artifacts)
                .selectors(selectPackage("io.crystallize.junit.fixtures"))
                .filters(excludeClassNamePatterns(".*Score.*"),
                        excludePackageNames("io.crystallize.junit.fixtures.outcomes"))
                .discover();

        assertThat(byName.getEngineDescriptor().getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactly("UpstreamExperiment", "AaDownstreamExperiment");
        // the filters left experiments out: said, never silent (UnselectedExperimentsTest)
        assertThat(byName.getDiscoveryIssues()).singleElement().satisfies(issue -> assertThat(issue.message())
                .contains(ScoreExperiment.class.getName(), InconclusiveExperiment.class.getName()));
    }

    @Test
    void tagFiltersSelectExperimentsByTheirTags() {
        EngineExecutionResults included = Kit.engine(artifacts)
                .selectors(selectClass(ScoreExperiment.class), selectClass(InconclusiveExperiment.class))
                .filters(TagFilter.includeTags("fast"))
                .execute();
        included.containerEvents().assertThatEvents()
                .haveExactly(1, event(container(), uniqueId(SCORE), started()))
                .noneMatch(e -> e.getTestDescriptor().getDisplayName().equals("InconclusiveExperiment"));

        EngineExecutionResults excluded = Kit.engine(artifacts)
                .selectors(selectClass(ScoreExperiment.class), selectClass(InconclusiveExperiment.class))
                .filters(TagFilter.excludeTags("score"))
                .execute();
        excluded.containerEvents().assertThatEvents()
                .noneMatch(e -> e.getTestDescriptor().getDisplayName().equals("ScoreExperiment"));
        excluded.testEvents().assertStatistics(stats -> stats.started(1));
    }

    @Test
    void uniqueIdOfAnExperimentSelectsItWhole() {
        EngineExecutionResults results = Kit.engine(artifacts).selectors(selectUniqueId(SCORE)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(3).failed(2));
    }

    @Test
    void uniqueIdOfAHypothesisSelectsItsTreatments() {
        EngineExecutionResults results = Kit.engine(artifacts)
                .selectors(selectUniqueId(SCORE.append("hypothesis", "everyTreatmentWins"))).execute();

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        results.containerEvents().assertThatEvents()
                .noneMatch(e -> e.getTestDescriptor().getDisplayName().equals("fasterWins"));
    }

    @Test
    void uniqueIdOfATreatmentSelectsOnlyThatTest() {
        UniqueId fastest = SCORE.append("hypothesis", "everyTreatmentWins").append("treatment", "fastest");
        EngineExecutionResults results = Kit.engine(artifacts).selectors(selectUniqueId(fastest)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(uniqueId(fastest), finishedSuccessfully()));
    }

    @Test
    void unknownUniqueIdsResolveToNothing() {
        EngineDiscoveryResults results = Kit.engine(artifacts)
                .selectors(selectUniqueId(SCORE.append("hypothesis", "noSuchMethod")),
                        selectUniqueId(SCORE.append("hypothesis", "fasterWins").append("treatment", "slower")))
                .discover();

        assertThat(results.getEngineDescriptor().getDescendants().stream().filter(TestDescriptor::isTest)).isEmpty();
    }

    @Test
    void upstreamExperimentsAreOrderedFirst() {
        EngineDiscoveryResults results = Kit.engine(artifacts)
                .selectors(selectClass(AaDownstreamExperiment.class), selectClass(UpstreamExperiment.class))
                .discover();

        assertThat(results.getEngineDescriptor().getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactly("UpstreamExperiment", "AaDownstreamExperiment");
    }

    private static Path classpathRoot() {
        try {
            return Path.of(ScoreExperiment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestDescriptor only(Set<? extends TestDescriptor> descriptors) {
        assertThat(descriptors).hasSize(1);
        return List.copyOf(descriptors).get(0);
    }
}
