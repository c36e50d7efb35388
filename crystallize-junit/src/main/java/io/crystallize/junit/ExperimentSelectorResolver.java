package io.crystallize.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.crystallize.definition.DefinitionException;
import io.crystallize.definition.ExperimentDefinition;
import io.crystallize.definition.ExperimentDefinitions;
import io.crystallize.definition.HypothesisDeclaration;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves class, method and unique-id selectors to experiment, hypothesis and treatment
 * descriptors. Package and classpath-root selectors arrive here as class selectors, through the
 * class container resolver. Only {@code @Experiment} classes are claimed; a problem with one is a
 * discovery issue, never a silent skip.
 */
final class ExperimentSelectorResolver implements SelectorResolver {

    private final UniqueId engineId;
    private final Predicate<String> classNameFilter;
    private final PlatformDiscoveryIssues issues;
    private final Set<String> nameFiltered;
    private final Map<Class<?>, Optional<ExperimentDefinition>> definitions = new HashMap<>();

    /**
     * @param nameFiltered receives the experiments a class selector named but the class-name filter
     *                     rejected, for the engine's warning
     */
    ExperimentSelectorResolver(UniqueId engineId, Predicate<String> classNameFilter, PlatformDiscoveryIssues issues,
            Set<String> nameFiltered) {
        this.engineId = engineId;
        this.classNameFilter = classNameFilter;
        this.issues = issues;
        this.nameFiltered = nameFiltered;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        if (!ExperimentDefinitions.isExperiment(type)) {
            return Resolution.unresolved();
        }
        if (!classNameFilter.test(type.getName())) {
            nameFiltered.add(type.getName());
            return Resolution.unresolved();
        }
        return experiment(type, context)
                .map(e -> Resolution.match(Match.exact(e, () -> hypothesisSelectors(e))))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        if (!ExperimentDefinitions.isExperiment(type)) {
            return Resolution.unresolved();
        }
        // through the experiment's unique id: a selected method is a choice the class-name filters do not undo
        return context.addToParent(() -> selectUniqueId(engineId.append(ExperimentDescriptor.SEGMENT, type.getName())),
                        parent -> hypothesis(parent, selector.getMethodName()))
                .map(h -> Resolution.match(Match.exact(h, () -> treatmentSelectors(h))))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        if (!id.hasPrefix(engineId) || id.equals(engineId)) {
            return Resolution.unresolved();
        }
        UniqueId.Segment last = id.getLastSegment();
        return switch (last.getType()) {
            // an explicitly selected unique id is resolved whatever the class-name filters say
            // (the console launcher's default pattern only admits *Test* names)
            case ExperimentDescriptor.SEGMENT -> ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
                    .filter(ExperimentDefinitions::isExperiment)
                    .flatMap(type -> experiment(type, context))
                    .map(e -> Resolution.match(Match.exact(e, () -> hypothesisSelectors(e))))
                    .orElse(Resolution.unresolved());
            case HypothesisDescriptor.SEGMENT -> context
                    .addToParent(() -> selectUniqueId(id.removeLastSegment()), parent -> hypothesis(parent, last.getValue()))
                    .map(h -> Resolution.match(Match.exact(h, () -> treatmentSelectors(h))))
                    .orElse(Resolution.unresolved());
            case TreatmentDescriptor.SEGMENT -> context
                    .addToParent(() -> selectUniqueId(id.removeLastSegment()), parent -> treatment(parent, last.getValue()))
                    .map(t -> Resolution.match(Match.exact(t)))
                    .orElse(Resolution.unresolved());
            default -> Resolution.unresolved();
        };
    }

    private Optional<ExperimentDescriptor> experiment(Class<?> type, Context context) {
        return definition(type).flatMap(definition ->
                context.addToParent(parent -> Optional.of(new ExperimentDescriptor(parent.getUniqueId(), definition))));
    }

    private Optional<ExperimentDefinition> definition(Class<?> type) {
        return definitions.computeIfAbsent(type, this::load);
    }

    private Optional<ExperimentDefinition> load(Class<?> type) {
        // an experiment will run: a JVM that runs none (other engines' tests only) pays nothing
        FirstResultWarmUp.start();
        ClassSource source = ClassSource.from(type);
        Definitions.LoadedDefinition loaded;
        try {
            loaded = Definitions.load(type);
        } catch (DefinitionException e) {
            issues.error("experiment " + type.getName() + " cannot run: " + String.join("; ", e.problems()), source, e);
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            issues.error("experiment " + type.getName() + " cannot be loaded: " + e, source, e);
            return Optional.empty();
        }
        ExperimentDefinition definition = loaded.definition();
        for (String warning : loaded.warnings()) {
            issues.warning("experiment " + warning, source);
        }
        Set<String> invalidTags = Tags.invalid(definition);
        if (!invalidTags.isEmpty()) {
            issues.error("experiment " + type.getName() + " has invalid tags " + invalidTags
                    + ": JUnit tags must not be blank nor contain whitespace, ISO control characters or any of "
                    + ", ( ) & | !", source, null);
            return Optional.empty();
        }
        if (hasJupiterTests(type)) {
            issues.warning("experiment " + type.getName() + " also declares JUnit Jupiter test methods: Jupiter runs "
                    + "those, the crystallize engine runs its hypotheses; consider moving the tests to their own class",
                    source);
        }
        return Optional.of(definition);
    }

    private static boolean hasJupiterTests(Class<?> type) {
        return HAS_JUPITER_TESTS.get(type);
    }

    /** A loaded class's methods never change: searched once per class (meta-annotations are not cheap). */
    private static final ClassValue<Boolean> HAS_JUPITER_TESTS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return searchJupiterTests(type);
        }
    };

    private static boolean searchJupiterTests(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            if (AnnotationSupport.isAnnotated(method, Testable.class)
                    && method.getDeclaringClass().getName().equals(type.getName())
                    && isJupiter(method)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJupiter(Method method) {
        for (var annotation : method.getAnnotations()) {
            if (annotation.annotationType().getName().startsWith("org.junit.jupiter.")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<HypothesisDescriptor> hypothesis(TestDescriptor parent, String method) {
        if (!(parent instanceof ExperimentDescriptor experiment)) {
            return Optional.empty();
        }
        Class<?> type = experiment.definition().experimentClass();
        return experiment.definition().hypotheses().stream()
                .filter(h -> h.method().equals(method))
                .findFirst()
                .map(h -> new HypothesisDescriptor(experiment, h, Definitions.hypothesisMethod(type, h.method())));
    }

    private static Optional<TreatmentDescriptor> treatment(TestDescriptor parent, String treatment) {
        if (!(parent instanceof HypothesisDescriptor hypothesis)
                || !hypothesis.declaration().treatments().contains(treatment)) {
            return Optional.empty();
        }
        return Optional.of(new TreatmentDescriptor(hypothesis, treatment));
    }

    private static Set<DiscoverySelector> hypothesisSelectors(ExperimentDescriptor experiment) {
        return experiment.definition().hypotheses().stream()
                .map(HypothesisDeclaration::method)
                .map(method -> selectUniqueId(experiment.getUniqueId().append(HypothesisDescriptor.SEGMENT, method)))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static Set<DiscoverySelector> treatmentSelectors(HypothesisDescriptor hypothesis) {
        return hypothesis.declaration().treatments().stream()
                .map(t -> selectUniqueId(hypothesis.getUniqueId().append(TreatmentDescriptor.SEGMENT, t)))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
