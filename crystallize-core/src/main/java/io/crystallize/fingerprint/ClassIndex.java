package io.crystallize.fingerprint;

import io.crystallize.core.Experiment;
import io.crystallize.internal.classfile.ClassFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where classes come from and what they hold, read once per class loader: a class in a directory
 * on the class path is the project's own code and is read; a class in a jar, in the JDK or in this
 * library is known by that origin's identity (file name and size of the jar, the JDK's version).
 */
final class ClassIndex {

    private static final Map<ClassLoader, ClassIndex> BY_LOADER = new WeakHashMap<>();
    private static final Entry JDK = Entry.library("jdk " + Runtime.version());
    /** This library's identity: what its classes (and the classes its processor generated) stand for. */
    static final String LIBRARY = "crystallize " + versionOf(Experiment.class);
    private static final String LIBRARY_LOCATION = location(Experiment.class.getClassLoader(),
            Experiment.class.getName()).orElse("");

    /** Weak: the index is the value of its loader's entry in {@link #BY_LOADER} and must not keep it alive. */
    private final java.lang.ref.WeakReference<ClassLoader> loader;
    private final ClassFiles classFiles;
    private final Map<String, Optional<Entry>> entries = new ConcurrentHashMap<>();
    private final Map<String, String> jarIdentities = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> reached = new ConcurrentHashMap<>();
    private final Map<String, MessageDigest> codeDigests = new ConcurrentHashMap<>();

    private ClassIndex(ClassLoader loader) {
        this.loader = new java.lang.ref.WeakReference<>(loader);
        this.classFiles = new ClassFiles();
    }

    /** The index of {@code loader} (the system loader for {@code null}), kept as long as the loader lives. */
    static ClassIndex of(ClassLoader loader) {
        ClassLoader key = loader == null ? ClassLoader.getSystemClassLoader() : loader;
        synchronized (BY_LOADER) {
            return BY_LOADER.computeIfAbsent(key, ClassIndex::new);
        }
    }

    /**
     * What the class of this internal name is: project code with its summary, or a library with its
     * identity; empty when the class file cannot be found (a generated or hidden class).
     */
    Optional<Entry> entry(String internalName) {
        return entries.computeIfAbsent(internalName, this::load);
    }

    /**
     * The parts a traversal from {@code root} (a class, a lambda's shape) collects, walked by {@code
     * walk} the first time and kept with the index: they depend only on the class files read
     * through this loader, which stay as they were when first read.
     */
    Map<String, String> reached(String root, Supplier<Map<String, String>> walk) {
        Map<String, String> known = reached.get(root);
        if (known != null) {
            return known;
        }
        // not computeIfAbsent: a walk may come back here for another root (a wrapped step of the same loader)
        Map<String, String> walked = Collections.unmodifiableSortedMap(new TreeMap<>(walk.get()));
        Map<String, String> raced = reached.putIfAbsent(root, walked);
        return raced != null ? raced : walked;
    }

    /**
     * A SHA-256 digest that has taken in {@code text} (the code reached from the roots named by
     * {@code roots}), for the caller to continue: the text is made and hashed the first time only.
     */
    MessageDigest codeDigest(String roots, Supplier<String> text) {
        MessageDigest known = codeDigests.get(roots);
        if (known == null) {
            known = Digests.sha256();
            known.update(text.get().getBytes(StandardCharsets.UTF_8));
            codeDigests.putIfAbsent(roots, known);
        }
        try {
            synchronized (known) {
                return (MessageDigest) known.clone();
            }
        } catch (CloneNotSupportedException e) {
            MessageDigest fresh = Digests.sha256();
            fresh.update(text.get().getBytes(StandardCharsets.UTF_8));
            return fresh;
        }
    }

    private Optional<Entry> load(String internalName) {
        if (ClassFiles.isJdk(internalName)) {
            return Optional.of(JDK);
        }
        String resource = internalName + ".class";
        ClassLoader classes = loader.get();
        URL url = classes == null ? null : classFiles.find(classes, internalName);
        if (url == null) {
            return Optional.empty();
        }
        String protocol = url.getProtocol();
        if ("jrt".equals(protocol)) {
            return Optional.of(JDK);
        }
        if ("jar".equals(protocol)) {
            return Optional.of(Entry.library(jarIdentity(url)));
        }
        String root = rootOf(url.toString(), resource);
        if (root.equals(LIBRARY_LOCATION)) {
            return Optional.of(Entry.library(LIBRARY));
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(Entry.project(ClassSummary.read(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the class file " + url + " to fingerprint it", e);
        }
    }

    private String jarIdentity(URL url) {
        String spec = url.toString();
        int bang = spec.indexOf("!/");
        String jar = bang < 0 ? spec : spec.substring(0, bang);
        return jarIdentities.computeIfAbsent(jar, j -> {
            try {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                Path file = Path.of(connection.getJarFileURL().toURI());
                return "jar " + file.getFileName() + " " + Files.size(file);
            } catch (IOException | URISyntaxException | RuntimeException e) {
                return "jar " + j.substring(j.lastIndexOf('/') + 1);
            }
        });
    }

    private static Optional<String> location(ClassLoader loader, String className) {
        String resource = className.replace('.', '/') + ".class";
        URL url = loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource);
        return url == null ? Optional.empty() : Optional.of(rootOf(url.toString(), resource));
    }

    private static String rootOf(String url, String resource) {
        return url.endsWith(resource) ? url.substring(0, url.length() - resource.length()) : url;
    }

    private static String versionOf(Class<?> type) {
        String version = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** A class's summary (project code) or its origin's identity (library). */
    record Entry(ClassSummary summary, String library) {
        static Entry project(ClassSummary summary) {
            return new Entry(summary, null);
        }

        static Entry library(String identity) {
            return new Entry(null, identity);
        }

        boolean isProject() {
            return summary != null;
        }
    }
}
