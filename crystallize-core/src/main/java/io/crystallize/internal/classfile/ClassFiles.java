package io.crystallize.internal.classfile;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Finds class files as a class loader would, cheaply.
 *
 * <p>{@code ClassLoader.getResource} asks the parent loaders first. For a name outside the JDK's
 * packages (the project's classes) the boot and platform loaders then search every module they
 * define, one image lookup each: about 70 per class file, and enough calls of the JDK's image
 * reader that the JIT compiles it during a cold run. This class answers a JDK class from its
 * package, and a class in a class directory the loader already served from that directory, with
 * one file check; anything else goes to the loader. One instance per loader.
 *
 * <p>One difference from the loader: a class present in two class directories of the class path is
 * found in the directory first seen, not necessarily the first on the class path.
 */
public final class ClassFiles {

    /** Packages (internal form) of the JDK's modules in the boot layer: their classes never come from the class path. */
    private static final Set<String> JDK_PACKAGES = ModuleLayer.boot().modules().stream()
            .filter(module -> isJdkModule(module.getName()))
            .flatMap(module -> module.getPackages().stream())
            .map(name -> name.replace('.', '/'))
            .collect(Collectors.toUnmodifiableSet());

    private final ClassLoader loader;
    /** Class directories (as URL text ending in '/') this loader served class files from, in the order found. */
    private final CopyOnWriteArrayList<String> directories = new CopyOnWriteArrayList<>();

    /** @param loader the loader to search, {@code null} for the system loader */
    public ClassFiles(ClassLoader loader) {
        this.loader = loader == null ? ClassLoader.getSystemClassLoader() : loader;
    }

    /** True when the class of this internal name would belong to a JDK module ({@code java.*}, {@code jdk.*}). */
    public static boolean isJdk(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash > 0 && JDK_PACKAGES.contains(internalName.substring(0, slash));
    }

    /** The class file of the class with this internal name ({@code a/b/C}), or {@code null} when the loader has none. */
    public URL find(String internalName) {
        String resource = internalName + ".class";
        if (!isJdk(internalName)) {
            for (String directory : directories) {
                URL url = inDirectory(directory, resource);
                if (url != null) {
                    return url;
                }
            }
        }
        URL url = loader.getResource(resource);
        if (url != null && "file".equals(url.getProtocol())) {
            String text = url.toString();
            if (text.endsWith(resource)) {
                directories.addIfAbsent(text.substring(0, text.length() - resource.length()));
            }
        }
        return url;
    }

    /**
     * The bytes of {@code type}'s class file, or {@code null} when they cannot be read. A class from
     * a class directory is read from its file directly, without asking any loader.
     */
    public static byte[] read(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try {
            URL direct = inDirectory(directoryOf(type), resource);
            if (direct != null) {
                return Files.readAllBytes(Path.of(direct.toURI()));
            }
            ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
            try (InputStream in = loader.getResourceAsStream(resource)) {
                return in == null ? null : in.readAllBytes();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The class directory {@code type} was loaded from, as URL text ending in '/', or {@code null} (a jar, the JDK, none). */
    private static String directoryOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return null;
        }
        String text = location.toString();
        return text.endsWith("/") ? text : null;
    }

    private static URL inDirectory(String directory, String resource) {
        if (directory == null) {
            return null;
        }
        try {
            URL url = new URL(directory + resource);
            return Files.isRegularFile(Path.of(url.toURI())) ? url : null;
        } catch (MalformedURLException | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isJdkModule(String name) {
        return name.startsWith("java.") || name.startsWith("jdk.");
    }
}
