package io.crystallize.junit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.discovery.ClassSelector;

/**
 * Experiments that Maven Surefire (or Failsafe) never offered to the engine because its
 * {@code <includes>} do not match their names: Surefire picks test classes by file name before
 * JUnit runs, so the engine sees only the classes it picked and must look at the test class path
 * itself.
 *
 * <p>Applies to a launch that selects classes only, in a Surefire fork (its test class path is
 * the {@code surefire.test.class.path} system property) where no {@code -Dtest} or
 * {@code -Dit.test} chose the tests. An experiment on a class-path directory of the selected
 * classes, not selected, whose name the default includes would not match either, is reported:
 * one whose name they match was left out on purpose (by excludes or another execution).
 */
final class SurefireIncludes {

    static final String TEST_CLASS_PATH = "surefire.test.class.path";

    /** Surefire's default includes, {@code **}{@code /Test*.java} and so on, as top-level class names. */
    static boolean matchedByDefaultIncludes(String className) {
        if (className.contains("$")) {
            return false; // default excludes: **/*$*
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.startsWith("Test") || simple.endsWith("Test") || simple.endsWith("Tests")
                || simple.endsWith("TestCase");
    }

    private final List<String> classPath;
    private final Set<String> selected;

    private SurefireIncludes(List<String> classPath, Set<String> selected) {
        this.classPath = classPath;
        this.selected = selected;
    }

    /** What the check needs from a discovery request; nothing when it does not apply. */
    static SurefireIncludes of(EngineDiscoveryRequest request) {
        ConfigurationParameters parameters = request.getConfigurationParameters();
        Optional<String> classPath = parameters.get(TEST_CLASS_PATH).filter(v -> !v.isBlank());
        boolean chosen = present(parameters, "test") || present(parameters, "it.test");
        List<ClassSelector> classes = request.getSelectorsByType(ClassSelector.class);
        boolean onlyClasses = !classes.isEmpty()
                && request.getSelectorsByType(DiscoverySelector.class).size() == classes.size();
        if (classPath.isEmpty() || chosen || !onlyClasses) {
            return new SurefireIncludes(List.of(), Set.of());
        }
        Set<String> selected = new TreeSet<>();
        classes.forEach(c -> selected.add(c.getClassName()));
        return new SurefireIncludes(List.of(classPath.get().split(File.pathSeparator)), selected);
    }

    private static boolean present(ConfigurationParameters parameters, String key) {
        return parameters.get(key).filter(v -> !v.isBlank()).isPresent();
    }

    /** The warning naming the experiments left out and the fix, when there are any. */
    Optional<String> warning() {
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        Set<String> left = new TreeSet<>();
        for (Path root : rootsOfSelectedClasses()) {
            for (String experiment : GeneratedExperiments.in(root)) {
                if (!selected.contains(experiment) && !matchedByDefaultIncludes(experiment)) {
                    left.add(experiment);
                }
            }
        }
        if (left.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("experiments on the test class path did not run because Surefire's <includes> (by "
                + "default **/Test*.java, **/*Test.java, **/*Tests.java, **/*TestCase.java) do not match them: "
                + String.join(", ", left) + ". Add " + include(left) + " to maven-surefire-plugin's <includes> "
                + "(an <includes> replaces the defaults: list the ones you still use), or name the classes *Test. "
                + "Where leaving them out is deliberate (e.g. in Failsafe), set " + Constants.UNSELECTED
                + "=ignore");
    }

    /** The class-path directories that hold a selected class. */
    private List<Path> rootsOfSelectedClasses() {
        List<Path> roots = new ArrayList<>();
        for (String entry : classPath) {
            Path root = Path.of(entry);
            if (!Files.isDirectory(root)) {
                continue;
            }
            for (String name : selected) {
                if (Files.isRegularFile(root.resolve(name.replace('.', File.separatorChar) + ".class"))) {
                    roots.add(root);
                    break;
                }
            }
        }
        return roots;
    }

    private static String include(Set<String> experiments) {
        boolean allExperiments = experiments.stream().allMatch(e -> e.endsWith("Experiment") && !e.contains("$"));
        return allExperiments ? "<include>**/*Experiment.java</include>" : "an <include> matching them";
    }
}
