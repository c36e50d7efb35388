package io.crystallize.internal.classfile;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * one file check; anything else goes to the loader. One instance per loader, which it does not keep.
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

    /** Class directories by the URL text the JVM gives for them; empty: not a directory. */
    private static final Map<String, Optional<Path>> DIRECTORIES = new ConcurrentHashMap<>();

    /** Class directories the loader served class files from, in the order found. */
    private final CopyOnWriteArrayList<Directory> directories = new CopyOnWriteArrayList<>();

    /** A class directory: its path, and its URL as text ending in '/'. */
    private record Directory(Path path, String url) {
    }

    /**
     * For one class loader, which each call names: this object does not keep the loader (an index
     * of the loader's classes holds it and must not keep it alive).
     */
    public ClassFiles() {
    }

    /** True when the class of this internal name would belong to a JDK module ({@code java.*}, {@code jdk.*}). */
    public static boolean isJdk(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash > 0 && JDK_PACKAGES.contains(internalName.substring(0, slash));
    }

    /**
     * The class file of the class with this internal name ({@code a/b/C}) as {@code loader} (always
     * the same one; {@code null} for the system loader) finds it, or {@code null} when it has none.
     */
    public URL find(ClassLoader loader, String internalName) {
        String resource = internalName + ".class";
        if (!isJdk(internalName)) {
            for (Directory directory : directories) {
                if (Files.isRegularFile(directory.path().resolve(resource))) {
                    try {
                        return new URL(directory.url() + resource);
                    } catch (MalformedURLException e) {
                        break; // the loader knows
                    }
                }
            }
        }
        URL url = (loader == null ? ClassLoader.getSystemClassLoader() : loader).getResource(resource);
        if (url != null && "file".equals(url.getProtocol())) {
            String text = url.toString();
            if (text.endsWith(resource)) {
                String root = text.substring(0, text.length() - resource.length());
                directory(root).ifPresent(path -> directories.addIfAbsent(new Directory(path, root)));
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
            Optional<Path> directory = directoryOf(type);
            if (directory.isPresent()) {
                try {
                    return Files.readAllBytes(directory.get().resolve(resource));
                } catch (NoSuchFileException e) {
                    // not where its code source says: ask the loader
                }
            }
            ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
            try (InputStream in = loader.getResourceAsStream(resource)) {
                return in == null ? null : in.readAllBytes();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The class directory {@code type} was loaded from; empty for a jar, the JDK or none. */
    private static Optional<Path> directoryOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return Optional.empty();
        }
        return directory(location.toString());
    }

    /** The directory a {@code file:} URL (as text) names, when it ends in '/'; known ones are looked up, not parsed. */
    private static Optional<Path> directory(String url) {
        if (!url.endsWith("/")) {
            return Optional.empty();
        }
        return DIRECTORIES.computeIfAbsent(url, u -> {
            try {
                return Optional.of(Path.of(new URL(u).toURI()));
            } catch (MalformedURLException | URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static boolean isJdkModule(String name) {
        return name.startsWith("java.") || name.startsWith("jdk.");
    }
}
