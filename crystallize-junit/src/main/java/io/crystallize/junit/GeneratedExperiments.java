package io.crystallize.junit;

import io.crystallize.definition.ExperimentDefinitions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the experiments compiled with the processor in a class-path directory by the file names
 * of their generated classes, loading no class: cheap enough to look at every test class.
 */
final class GeneratedExperiments {

    private static final String GENERATED_FILE = ExperimentDefinitions.GENERATED_SUFFIX + ".class";

    private GeneratedExperiments() {
    }

    /** Binary names of the experiments below {@code root} whose class file is there too. */
    static Set<String> in(Path root) {
        Set<String> experiments = new TreeSet<>();
        if (!Files.isDirectory(root)) {
            return experiments;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.getFileName().toString().endsWith(GENERATED_FILE)).forEach(generated -> {
                String file = generated.getFileName().toString();
                Path experiment = generated.resolveSibling(
                        file.substring(0, file.length() - GENERATED_FILE.length()) + ".class");
                if (Files.isRegularFile(experiment)) {
                    experiments.add(binaryName(root, experiment));
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // an unreadable directory hides nothing the launch could have run from it
        }
        return experiments;
    }

    /** The experiment a generated class belongs to, or null when {@code className} is not a generated class. */
    static String experimentOf(String className) {
        return className.endsWith(ExperimentDefinitions.GENERATED_SUFFIX)
                ? className.substring(0, className.length() - ExperimentDefinitions.GENERATED_SUFFIX.length())
                : null;
    }

    private static String binaryName(Path root, Path classFile) {
        String relative = root.relativize(classFile).toString().replace(classFile.getFileSystem().getSeparator(), ".");
        return relative.substring(0, relative.length() - ".class".length());
    }
}
