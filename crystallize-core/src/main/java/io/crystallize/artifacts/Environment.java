package io.crystallize.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Where results came from: JDK, OS, CPUs, git commit (when in a repository), library versions. */
final class Environment {

    private static final String VERSION_RESOURCE = "crystallize-version.properties";

    private Environment() {
    }

    // the JVM, machine and checkout do not change while a JVM runs: described once
    private static volatile Map<String, Object> described;

    static Map<String, Object> describe() {
        Map<String, Object> env = described;
        if (env == null) {
            env = java.util.Collections.unmodifiableMap(read());
            described = env;
        }
        return env;
    }

    private static Map<String, Object> read() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("java_version", System.getProperty("java.version"));
        env.put("java_vendor", System.getProperty("java.vendor"));
        env.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        String commit = gitCommit(Path.of("").toAbsolutePath());
        if (commit != null) {
            env.put("git_commit", commit);
        }
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("crystallize", crystallizeVersion());
        libraries.put("jackson-databind", version(tools.jackson.databind.ObjectMapper.class));
        libraries.put("commons-statistics", version(org.apache.commons.statistics.distribution.TDistribution.class));
        env.put("libraries", libraries);
        return env;
    }

    /** From a resource the build writes, so classes in a reactor build (no jar manifest yet) know it too. */
    static String crystallizeVersion() {
        try (InputStream in = Environment.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank() && !version.startsWith("${")) {
                    return version.trim();
                }
            }
        } catch (IOException e) {
            // fall back to the manifest
        }
        return version(Environment.class);
    }

    private static String version(Class<?> type) {
        String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    /**
     * The HEAD commit of the repository containing {@code dir}, read from {@code .git} without
     * running git. {@code .git} may be a directory, or a file pointing to the git directory (linked
     * worktrees, submodules), whose refs may live in a common directory.
     */
    static String gitCommit(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            try {
                if (Files.isRegularFile(git)) {
                    String pointer = Files.readString(git, StandardCharsets.UTF_8).trim();
                    if (!pointer.startsWith("gitdir: ")) {
                        return null;
                    }
                    git = d.resolve(pointer.substring(8).trim()).normalize();
                }
                if (!Files.isDirectory(git)) {
                    continue;
                }
                return headCommit(git);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static String headCommit(Path git) throws IOException {
        String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (!head.startsWith("ref: ")) {
            return head;
        }
        String ref = head.substring(5);
        Path common = git;
        Path commondir = git.resolve("commondir");
        if (Files.exists(commondir)) {
            common = git.resolve(Files.readString(commondir, StandardCharsets.UTF_8).trim()).normalize();
        }
        for (Path base : List.of(git, common)) {
            Path refFile = base.resolve(ref);
            if (Files.exists(refFile)) {
                return Files.readString(refFile, StandardCharsets.UTF_8).trim();
            }
        }
        for (Path base : List.of(git, common)) {
            Path packed = base.resolve("packed-refs");
            if (Files.exists(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref)) {
                        return line.substring(0, line.indexOf(' '));
                    }
                }
            }
        }
        return null;
    }
}
