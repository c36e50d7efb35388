package io.crystallize.junit;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Experiments a launch's class-name filters left out (the console launcher's default
 * {@code --include-classname} admits only {@code *Test*} names, for instance). The class-path
 * root and package resolvers never show the engine a class the filter rejects, so this resolver
 * looks at the same selectors first, for generated experiment classes whose experiment the filter
 * rejects, loading only those; it resolves nothing itself.
 */
final class NameFilteredExperiments implements SelectorResolver {

    private final Predicate<String> classNameFilter;
    private final Set<String> found;

    private NameFilteredExperiments(Predicate<String> classNameFilter, Set<String> found) {
        this.classNameFilter = classNameFilter;
        this.found = found;
    }

    /** A resolver adding what it finds to {@code found}. */
    static NameFilteredExperiments into(Set<String> found, Predicate<String> classNameFilter) {
        return new NameFilteredExperiments(classNameFilter, found);
    }

    @Override
    public Resolution resolve(ClasspathRootSelector selector, Context context) {
        ReflectionSupport.findAllClassesInClasspathRoot(selector.getClasspathRoot(), type -> true, this::rejected)
                .forEach(generated -> found.add(GeneratedExperiments.experimentOf(generated.getName())));
        return Resolution.unresolved();
    }

    @Override
    public Resolution resolve(PackageSelector selector, Context context) {
        ReflectionSupport.findAllClassesInPackage(selector.getPackageName(), type -> true, this::rejected)
                .forEach(generated -> found.add(GeneratedExperiments.experimentOf(generated.getName())));
        return Resolution.unresolved();
    }

    /** A generated class whose experiment's name the filter rejects. */
    private boolean rejected(String className) {
        String experiment = GeneratedExperiments.experimentOf(className);
        return experiment != null && !classNameFilter.test(experiment);
    }

    /** The warning naming the experiments left out and the fix, when there are any. */
    static Optional<String> warning(Set<String> experiments) {
        if (experiments.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("experiments were not selected because this launch's class or package name filters "
                + "exclude them: " + String.join(", ", new TreeSet<>(experiments)) + ". Include them in the filter "
                + "(console launcher: --include-classname '.*Experiment'; Gradle: filter.includeTestsMatching; "
                + "Surefire: <includes>), or select them by method or unique id. Where leaving them out is "
                + "deliberate, set " + Constants.UNSELECTED + "=ignore");
    }
}
