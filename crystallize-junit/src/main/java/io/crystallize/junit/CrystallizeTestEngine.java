package io.crystallize.junit;

import io.crystallize.artifacts.ResultWriter;
import io.crystallize.definition.ExperimentDefinitions;
import io.crystallize.report.Report;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * The {@code crystallize} JUnit Platform engine: runs {@code @Experiment} classes and reports each
 * hypothesis as a container of one test per treatment it covers.
 *
 * <pre>
 * [engine:crystallize]
 *   [experiment:&lt;class&gt;]          container, ClassSource
 *     [hypothesis:&lt;method&gt;]       container, MethodSource
 *       [treatment:&lt;name&gt;]       test, MethodSource, reported as method[treatment]
 * </pre>
 *
 * Configuration: the keys of {@link Constants}.
 */
public final class CrystallizeTestEngine extends HierarchicalTestEngine<ExecutionContext> {

    /** The engine id, first segment of every unique id this engine creates. */
    public static final String ENGINE_ID = "crystallize";

    private static final EngineDiscoveryRequestResolver<EngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                    .addClassContainerSelectorResolver(ExperimentDefinitions::isExperiment)
                    .addSelectorResolver(context -> new ExperimentSelectorResolver(
                            context.getEngineDescriptor().getUniqueId(), context.getClassNameFilter(),
                            context.getIssueReporter()))
                    .build();

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("io.crystallize");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("crystallize-junit");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new CrystallizeEngineDescriptor(uniqueId);
        DiscoveryIssueReporter issues = DiscoveryIssueReporter.deduplicating(
                DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), uniqueId));
        try {
            EngineConfiguration.read(request.getConfigurationParameters());
        } catch (EngineConfiguration.InvalidConfigurationException e) {
            e.problems().forEach(problem -> issues.reportIssue(DiscoveryIssue.create(Severity.ERROR, problem)));
        }
        RESOLVER.resolve(request, engine, issues);
        engine.orderChildren(UpstreamOrder::sort);
        return engine;
    }

    @Override
    protected ExecutionContext createExecutionContext(ExecutionRequest request) {
        Set<Class<?>> executed = ConcurrentHashMap.newKeySet();
        // results are written while the next experiment runs; the engine node waits for them at the end
        EngineConfiguration configuration = EngineConfiguration.read(request.getConfigurationParameters())
                .withResultWriter(new ResultWriter());
        return new ExecutionContext(configuration, request.getEngineExecutionListener(), request.getCancellationToken(),
                executed, new Report(), null);
    }
}
