package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.crystallize.junit.fixtures.StepCalls;
import io.crystallize.junit.fixtures.plain.PlainTest;
import io.crystallize.junit.fixtures.score.ScoreExperiment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Configuration mistakes: said once, on the crystallize engine's node, without taking other engines down. */
class ConfigurationTest {

    @TempDir
    Path artifacts;

    @BeforeEach
    void resetCounts() {
        StepCalls.reset();
    }

    @Test
    void anInvalidValueFailsTheEngineNodeOnceNamingKeyValueAndWhatIsExpected() {
        EngineExecutionResults results = Kit.engine(artifacts)
                .configurationParameter(Constants.OVERRIDE_REPLICATES, "many")
                .configurationParameter(Constants.TIMEOUT, "soon")
                .selectors(selectClass(ScoreExperiment.class)).execute();

        results.allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(
                instanceOf(EngineConfiguration.InvalidConfigurationException.class),
                message("configuration parameter crystallize.override.replicates=many is invalid: expected a positive "
                        + "integer, e.g. 10 (see io.crystallize.junit.Constants); configuration parameter "
                        + "crystallize.execution.timeout=soon is invalid: expected a positive duration, e.g. 90s, 500ms, "
                        + "5m, 1h or PT2M (see io.crystallize.junit.Constants)"))));
        results.allEvents().assertStatistics(stats -> stats.failed(1).started(1));
        assertThat(StepCalls.count(ScoreExperiment.class, "baseline")).isZero();
    }

    @Test
    void anInvalidValueIsNoDiscoveryError() {
        EngineDiscoveryResults results = Kit.engine(artifacts)
                .configurationParameter(Constants.PARALLELISM, "abc")
                .selectors(selectClass(ScoreExperiment.class)).discover();

        // a discovery error would make the launcher (or Surefire's scan of each class) fail for every engine
        assertThat(results.getDiscoveryIssues()).isEmpty();
        assertThat(results.getEngineDescriptor().getChildren()).hasSize(1);
    }

    @Test
    void otherEnginesTestsStillRunAndReport() {
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ScoreExperiment.class), selectClass(PlainTest.class))
                .configurationParameter(Constants.PARALLELISM, "abc")
                .configurationParameter(Constants.ARTIFACTS_ROOT, artifacts.toString())
                .enableImplicitConfigurationParameters(false)
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();

        launcher.execute(request, listener);

        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1); // PlainTest.passes, by Jupiter
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.getTestIdentifier().getUniqueIdObject()).isEqualTo(UniqueId.forEngine("crystallize"));
            assertThat(failure.getException()).hasMessageContaining(
                    "crystallize.execution.parallelism=abc is invalid: expected a positive integer or auto");
        });
    }

    @Test
    void anUnknownKeyIsAWarningNamingTheClosestKeyOncePerJvm() {
        EngineDiscoveryResults first = Kit.engine(artifacts)
                .configurationParameter("crystallize.overide.replicates", "5")
                .configurationParameter(Constants.DEFAULT_ALPHA, "0.01")
                .configurationParameter("junit.jupiter.whatever", "x")
                .selectors(selectClass(ScoreExperiment.class)).discover();
        EngineDiscoveryResults again = Kit.engine(artifacts)
                .configurationParameter("crystallize.overide.replicates", "5")
                .selectors(selectClass(ScoreExperiment.class)).discover();

        assertThat(first.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(Severity.WARNING);
            assertThat(issue.message()).isEqualTo("unknown configuration parameter crystallize.overide.replicates "
                    + "(did you mean 'crystallize.override.replicates'?): it is ignored; the keys are listed in "
                    + "io.crystallize.junit.Constants");
        });
        // Surefire discovers every test class alone before running them: once is enough
        assertThat(again.getDiscoveryIssues()).isEmpty();
    }

    @Test
    void everyKeyIsKnown() {
        assertThat(Constants.keys()).contains(Constants.DEFAULT_ALPHA, Constants.PARALLELISM, Constants.UNSELECTED)
                .allMatch(k -> k.startsWith("crystallize."));
        Map<String, String> all = new HashMap<>();
        Constants.keys().forEach(k -> all.put(k, "x"));
        assertThat(EngineConfiguration.unknownKeys(new Parameters(all, new AtomicInteger()))).isEmpty();
    }

    @Test
    void theConfigurationIsReadAtDiscoveryAndKeptForExecution() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        Parameters discovery = new Parameters(Map.of(Constants.ARTIFACTS_ROOT, artifacts.toString(),
                Constants.OVERRIDE_REPLICATES, "3", Constants.INCONCLUSIVE_GATE, "fail"), reads);
        CrystallizeTestEngine engine = new CrystallizeTestEngine();

        TestDescriptor root = engine.discover(new Request(List.of(selectClass(ScoreExperiment.class)), discovery),
                UniqueId.forEngine("crystallize"));
        int readAtDiscovery = reads.get();
        ExecutionContext context = engine.createExecutionContext(ExecutionRequest.create(root,
                EngineExecutionListener.NOOP, new Parameters(Map.of(), null)));

        assertThat(readAtDiscovery).isPositive();
        assertThat(reads).hasValue(readAtDiscovery);
        assertThat(context.configuration().settings().replicatesOverride()).contains(3);
        assertThat(context.configuration().inconclusiveGate()).isEqualTo(InconclusiveGate.FAIL);
        context.configuration().settings().resultWriter().close();
    }

    /** Configuration parameters that count reads, or fail on any read when {@code reads} is null. */
    record Parameters(Map<String, String> values, AtomicInteger reads) implements ConfigurationParameters {

        @Override
        public Optional<String> get(String key) {
            if (reads == null) {
                throw new AssertionError("read " + key + " at execution");
            }
            reads.incrementAndGet();
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public Optional<Boolean> getBoolean(String key) {
            return get(key).map(Boolean::parseBoolean);
        }

        // abstract before JUnit 6
        public int size() {
            return values.size();
        }

        @Override
        public Set<String> keySet() {
            if (reads == null) {
                throw new AssertionError("listed keys at execution");
            }
            return values.keySet();
        }
    }

    /** A discovery request of selectors and parameters only. */
    record Request(List<DiscoverySelector> selectors, ConfigurationParameters parameters)
            implements EngineDiscoveryRequest {

        @Override
        public <T extends DiscoverySelector> List<T> getSelectorsByType(Class<T> type) {
            return selectors.stream().filter(type::isInstance).map(type::cast).toList();
        }

        @Override
        public <T extends DiscoveryFilter<?>> List<T> getFiltersByType(Class<T> type) {
            return List.of();
        }

        @Override
        public ConfigurationParameters getConfigurationParameters() {
            return parameters;
        }
    }
}
