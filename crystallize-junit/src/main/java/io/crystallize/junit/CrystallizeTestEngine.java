package io.crystallize.junit;

import io.crystallize.artifacts.ResultWriter;
import io.crystallize.definition.ExperimentDefinitions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
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

    private static final EngineDiscoveryRequestResolver<CrystallizeEngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<CrystallizeEngineDescriptor>builder()
                    // before the class container resolver, which hides what the class-name filter rejects
                    .addSelectorResolver(context -> NameFilteredExperiments.into(
                            context.getEngineDescriptor().nameFiltered(), context.getClassNameFilter()))
                    .addClassContainerSelectorResolver(ExperimentDefinitions::isExperiment)
                    .addSelectorResolver(context -> new ExperimentSelectorResolver(
                            context.getEngineDescriptor().getUniqueId(), context.getClassNameFilter(),
                            context.getIssueReporter(), context.getEngineDescriptor().nameFiltered()))
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
        CrystallizeEngineDescriptor engine = new CrystallizeEngineDescriptor(uniqueId,
                request.getConfigurationParameters());
        DiscoveryIssueReporter issues = DiscoveryIssueReporter.deduplicating(
                DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), uniqueId));
        EngineConfiguration.unknownKeys(request.getConfigurationParameters()).stream().filter(Warnings::firstTime)
                .forEach(warning -> issues.reportIssue(DiscoveryIssue.create(Severity.WARNING, warning)));
        RESOLVER.resolve(request, engine, issues);
        if (engine.configuration().map(EngineConfiguration::warnUnselected).orElse(true)) {
            NameFilteredExperiments.warning(engine.nameFiltered()).filter(Warnings::firstTime)
                    .ifPresent(warning -> issues.reportIssue(DiscoveryIssue.create(Severity.WARNING, warning)));
            engine.checkSurefireIncludes(SurefireIncludes.of(request));
        }
        engine.orderChildren(UpstreamOrder::sort);
        return engine;
    }

    @Override
    protected ExecutionContext createExecutionContext(ExecutionRequest request) {
        Set<Class<?>> executed = ConcurrentHashMap.newKeySet();
        // read at discovery; when invalid the engine node fails before anything below it runs.
        // Results are written while the next experiment runs; the engine node waits for them at the end
        EngineConfiguration configuration = ((CrystallizeEngineDescriptor) request.getRootTestDescriptor())
                .configuration().map(c -> c.withResultWriter(new ResultWriter())).orElse(null);
        return new ExecutionContext(configuration, request.getEngineExecutionListener(), request.getCancellationToken(),
                executed, null);
    }
}
