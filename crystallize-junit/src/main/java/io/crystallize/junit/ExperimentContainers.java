package io.crystallize.junit;

import io.crystallize.definition.ExperimentDefinitions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * The experiment classes in a class-path root or a package, found in one scan that also notes the
 * experiments the launch's class-name filter leaves out (the console launcher's default
 * {@code --include-classname} admits only {@code *Test*} names, for instance): JUnit's class
 * container resolver never shows the engine a class the filter rejects, and a second scan to find
 * them cost a cold pass of 200 experiments as much as a tenth of its discovery. A generated class
 * whose experiment the filter rejects is noted by name, without loading anything; classes the
 * filter admits are loaded and kept when annotated {@code @Experiment}, as JUnit's resolver keeps
 * them. Where none is found, the selector is left to JUnit's resolver (modules, too).
 */
final class ExperimentContainers implements SelectorResolver {

    private final Predicate<String> classNameFilter;
    private final Set<String> nameFiltered;

    private ExperimentContainers(Predicate<String> classNameFilter, Set<String> nameFiltered) {
        this.classNameFilter = classNameFilter;
        this.nameFiltered = nameFiltered;
    }

    /** A resolver adding the experiments the filter rejects to {@code nameFiltered}. */
    static ExperimentContainers noting(Set<String> nameFiltered, Predicate<String> classNameFilter) {
        return new ExperimentContainers(classNameFilter, nameFiltered);
    }

    @Override
    public Resolution resolve(ClasspathRootSelector selector, Context context) {
        return experiments(ReflectionSupport.findAllClassesInClasspathRoot(selector.getClasspathRoot(),
                ExperimentDefinitions::isExperiment, this::admitted));
    }

    @Override
    public Resolution resolve(PackageSelector selector, Context context) {
        return experiments(ReflectionSupport.findAllClassesInPackage(selector.getPackageName(),
                ExperimentDefinitions::isExperiment, this::admitted));
    }

    /** The filter's answer; a generated class whose experiment it rejects is noted on the way. */
    private boolean admitted(String className) {
        String experiment = GeneratedExperiments.experimentOf(className);
        if (experiment != null && !classNameFilter.test(experiment)) {
            nameFiltered.add(experiment);
        }
        return classNameFilter.test(className);
    }

    private static Resolution experiments(List<Class<?>> classes) {
        if (classes.isEmpty()) {
            return Resolution.unresolved();
        }
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        classes.forEach(type -> selectors.add(DiscoverySelectors.selectClass(type)));
        return Resolution.selectors(selectors);
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
