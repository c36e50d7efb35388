package io.crystallize.junit;

import io.crystallize.annotation.Experiment;
import io.crystallize.junit.fixtures.Scores;
import io.crystallize.processor.ExperimentProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.platform.commons.annotation.Testable;

/**
 * Experiment sources under {@code src/test/resources/experiments}, compiled at test time with
 * {@code javax.tools} into a directory, with the processor (as a build with it configured) or
 * without it ({@code -proc:none}, as an IDE with processing off) — for what Maven's own test
 * compilation, which always runs the processor, cannot produce.
 */
final class Compiled {

    static final String PACKAGE = "io.crystallize.junit.compiled";

    private Compiled() {
    }

    /** The source of {@code experiments/<simpleName>.java}. */
    static String source(String simpleName) {
        String path = "experiments/" + simpleName + ".java";
        try (InputStream in = Objects.requireNonNull(Compiled.class.getClassLoader().getResourceAsStream(path), path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles sources (each a class of {@link #PACKAGE}) into {@code output}; fails on any error. */
    static Path compile(Path output, boolean withProcessor, String... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Path sourceDir = Files.createDirectories(output.resolveSibling(output.getFileName() + "-src")
                    .resolve(PACKAGE.replace('.', '/')));
            List<Path> paths = new ArrayList<>();
            for (String source : sources) {
                Path file = sourceDir.resolve(className(source) + ".java");
                try (Writer writer = Files.newBufferedWriter(file)) {
                    writer.write(source);
                }
                paths.add(file);
            }
            Files.createDirectories(output);
            List<String> options = new ArrayList<>(List.of("-d", output.toString(), "-classpath", classpath(),
                    "--release", "17"));
            if (!withProcessor) {
                options.add("-proc:none");
            }
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(paths));
            if (withProcessor) {
                task.setProcessors(List.of(new ExperimentProcessor()));
            }
            if (!task.call()) {
                throw new AssertionError("compilation failed: " + diagnostics.getDiagnostics());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loader of the compiled classes (and their class files, which the runtime reader reads), earlier directories first. */
    static URLClassLoader loader(Path... directories) {
        URL[] urls = Stream.of(directories).map(Compiled::url).toArray(URL[]::new);
        return new URLClassLoader(urls, Compiled.class.getClassLoader());
    }

    static Class<?> load(ClassLoader loader, String simpleName) {
        try {
            return Class.forName(PACKAGE + "." + simpleName, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(simpleName + " was not compiled", e);
        }
    }

    private static String className(String source) {
        int start = source.indexOf("public class ") + "public class ".length();
        return source.substring(start, source.indexOf(' ', start));
    }

    /** What the sources see: the annotations and core, JUnit's {@code @Testable} they carry, and the fixture helpers. */
    private static String classpath() {
        return Stream.of(Experiment.class, Testable.class, Scores.class)
                .map(Compiled::location)
                .map(Path::toString)
                .distinct()
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL url(Path directory) {
        try {
            return directory.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
