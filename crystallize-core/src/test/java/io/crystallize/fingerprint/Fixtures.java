package io.crystallize.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Test support: compiles fixture sources with the real javac into fresh directories and loads them in fresh class loaders. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Compiles {@code sources} (file name → text) with debug information into a new directory under {@code temp}. */
    public static Path compile(Path temp, Map<String, String> sources, Path... extraClassPath) throws IOException {
        Path src = Files.createTempDirectory(temp, "src");
        Path out = Files.createTempDirectory(temp, "classes");
        List<String> args = new ArrayList<>(List.of("-g", "-d", out.toString(), "-classpath",
                classPath(extraClassPath)));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, args.toArray(new String[0]));
        assertThat(status).as("javac " + args).isZero();
        return out;
    }

    /** Packs a directory of classes into {@code <temp>/<name>}. */
    public static Path jar(Path temp, Path classes, String name) throws IOException {
        Path jar = Files.createTempDirectory(temp, "lib").resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A fresh loader over these locations, whose parent is the test's loader. */
    public static URLClassLoader loader(Path... locations) throws IOException {
        URL[] urls = new URL[locations.length];
        for (int i = 0; i < locations.length; i++) {
            urls[i] = locations[i].toUri().toURL();
        }
        return new URLClassLoader(urls, Fixtures.class.getClassLoader());
    }

    private static String classPath(Path... extra) {
        StringBuilder cp = new StringBuilder(System.getProperty("java.class.path"));
        for (Path p : extra) {
            cp.append(java.io.File.pathSeparator).append(p);
        }
        return cp.toString();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
