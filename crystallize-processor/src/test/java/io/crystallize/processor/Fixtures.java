package io.crystallize.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.common.io.ByteStreams;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.tools.JavaFileObject;

/** Fixture sources under {@code src/test/resources/fixtures}, compiled with or without the processor. */
final class Fixtures {

    static final String MARKER = "// ERROR";

    private Fixtures() {
    }

    static JavaFileObject source(String path) {
        return JavaFileObjects.forResource(resource(path));
    }

    static Compilation withProcessor(String... paths) {
        return javac().withProcessors(new ExperimentProcessor()).compile(sources(paths));
    }

    /** As a build without the processor would compile: no processing at all. */
    static Compilation withoutProcessor(String... paths) {
        return javac().withOptions("-proc:none").compile(sources(paths));
    }

    private static List<JavaFileObject> sources(String... paths) {
        return java.util.Arrays.stream(paths).map(Fixtures::source).toList();
    }

    /** The 1-based line of a fixture holding {@link #MARKER}. */
    static long markedLine(String path) {
        List<String> lines = text(path).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(MARKER)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(path + " has no " + MARKER + " line");
    }

    static String text(String path) {
        try (InputStream in = resource(path).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String path) {
        return Objects.requireNonNull(Fixtures.class.getClassLoader().getResource("fixtures/" + path), path);
    }

    /** Loads the classes a compilation wrote, and serves their class files (the runtime reader reads them). */
    static ClassLoader classes(Compilation... compilations) {
        Map<String, byte[]> files = new HashMap<>();
        for (Compilation compilation : compilations) {
            files.putAll(classFiles(compilation));
        }
        return new CompiledClasses(files);
    }

    private static Map<String, byte[]> classFiles(Compilation compilation) {
        Map<String, byte[]> files = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String uri = file.toUri().getPath();
                String name = uri.substring(uri.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
                try (InputStream in = file.openInputStream()) {
                    files.put(name, ByteStreams.toByteArray(in));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    static Class<?> load(Compilation compilation, String className) {
        return load(classes(compilation), className);
    }

    static Class<?> load(ClassLoader loader, String className) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " was not compiled", e);
        }
    }

    private static final class CompiledClasses extends ClassLoader {

        private final Map<String, byte[]> files;

        CompiledClasses(Map<String, byte[]> files) {
            super(Fixtures.class.getClassLoader());
            this.files = files;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = files.get(name.replace('.', '/') + ".class");
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            byte[] bytes = files.get(name);
            return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
        }
    }
}
