package io.crystallize.junit;

import io.crystallize.artifacts.ResultWriter;
import io.crystallize.definition.ExperimentDefinitions;
import io.crystallize.report.Report;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
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
 * Configuration: the keys of {@link Constants}, read once at discovery.
 *
 * <p>Runs on JUnit Platform 1.10 to 1.14 (JUnit 5.10 to 5.14) and on JUnit 6, whichever the build
 * resolves: what only newer platforms offer (discovery issues, cancellation) goes through
 * {@link PlatformDiscoveryIssues} and {@link PlatformCancellation}; an older platform fails the
 * engine node with one error naming the version found.
 */
public final class CrystallizeTestEngine extends HierarchicalTestEngine<ExecutionContext> {

    /** The engine id, first segment of every unique id this engine creates. */
    public static final String ENGINE_ID = "crystallize";

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
        Optional<String> unsupported = PlatformVersion.unsupported(PlatformVersion.found());
        if (unsupported.isPresent()) {
            engine.failWhenExecuted(List.of(unsupported.get()));
            return engine;
        }
        PlatformDiscoveryIssues issues = PlatformDiscoveryIssues.of(request, uniqueId);
        EngineConfiguration.unknownKeys(request.getConfigurationParameters()).stream().filter(Warnings::firstTime)
                .forEach(warning -> issues.warning(warning, null));
        // built per request: the resolver reports through this request's issue channel
        EngineDiscoveryRequestResolver.<CrystallizeEngineDescriptor>builder()
                // before the class container resolver, which hides what the class-name filter rejects
                .addSelectorResolver(context -> ExperimentContainers.noting(engine.nameFiltered(),
                        context.getClassNameFilter()))
                .addClassContainerSelectorResolver(ExperimentDefinitions::isExperiment)
                .addSelectorResolver(context -> new ExperimentSelectorResolver(uniqueId, context.getClassNameFilter(),
                        issues, engine.nameFiltered()))
                .build()
                .resolve(request, engine);
        if (engine.configuration().map(EngineConfiguration::warnUnselected).orElse(true)) {
            ExperimentContainers.warning(engine.nameFiltered()).filter(Warnings::firstTime)
                    .ifPresent(warning -> issues.warning(warning, null));
            engine.checkSurefireIncludes(SurefireIncludes.of(request));
        }
        UpstreamOrder.apply(engine);
        engine.failWhenExecuted(issues.undeliveredErrors());
        return engine;
    }

    @Override
    protected ExecutionContext createExecutionContext(ExecutionRequest request) {
        Set<Class<?>> executed = ConcurrentHashMap.newKeySet();
        // read at discovery; when invalid the engine node fails before anything below it runs.
        // Results are written while the next experiment runs; the engine node waits for them at the end
        // Forks (crystallize.execution.forks) start now, to boot while the first experiment is prepared, and
        // serve every experiment of the run
        CrystallizeEngineDescriptor root = (CrystallizeEngineDescriptor) request.getRootTestDescriptor();
        boolean experiments = !root.getChildren().isEmpty() && !root.discoveryFailed();
        EngineConfiguration configuration = root.configuration().map(c -> c.withResultWriter(new ResultWriter()))
                .map(c -> experiments ? c.withForksStarted() : c).orElse(null);
        if (configuration != null) {
            FingerprintWarmUp.start(root);
        }
        return new ExecutionContext(configuration, request.getEngineExecutionListener(),
                PlatformCancellation.of(request), executed, new Report(), null);
    }
}
