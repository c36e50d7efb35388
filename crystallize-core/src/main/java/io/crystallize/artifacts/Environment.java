package io.crystallize.artifacts;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

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

    /** A ref file, HEAD or {@code .git} pointer holds a line; more than this is not one. */
    static final int SMALL_FILE_LIMIT = 4096;
    /** packed-refs is read line by line up to this size: a repository with more refs records no commit. */
    static final long PACKED_REFS_LIMIT = 8L << 20;

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern REF = Pattern.compile("refs/[A-Za-z0-9._/+-]+");

    /**
     * The HEAD commit of the repository containing {@code dir}, read from {@code .git} without
     * running git, or {@code null}. {@code .git} may be a directory, or a file pointing to the git
     * directory (linked worktrees, submodules), whose refs may live in a common directory. Only
     * regular files are read, each at most a few KiB (packed refs line by line); HEAD must name a
     * ref under {@code refs/} that resolves inside the git directory, and only a commit id (40 or
     * 64 hex digits) is ever returned — whatever else the files hold never reaches the metadata.
     */
    static String gitCommit(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            try {
                if (Files.isRegularFile(git)) {
                    String pointer = smallFile(git);
                    if (pointer == null || !pointer.startsWith("gitdir: ")) {
                        return null;
                    }
                    git = d.resolve(pointer.substring(8).trim()).normalize();
                }
                if (!Files.isDirectory(git)) {
                    continue;
                }
                return headCommit(git);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static String headCommit(Path git) throws IOException {
        String head = smallFile(git.resolve("HEAD"));
        if (head == null) {
            return null;
        }
        if (!head.startsWith("ref: ")) {
            return commit(head);
        }
        String ref = head.substring(5).trim();
        if (!REF.matcher(ref).matches() || ref.contains("..") || ref.contains("//")) {
            return null; // not a branch name: never a path to follow
        }
        Path common = git;
        Path commondir = git.resolve("commondir");
        if (Files.exists(commondir)) {
            String relative = smallFile(commondir);
            if (relative == null) {
                return null;
            }
            common = git.resolve(relative).normalize();
        }
        for (Path base : List.of(git, common)) {
            Path refFile = base.resolve(ref).normalize();
            if (refFile.startsWith(base) && Files.exists(refFile)) {
                // a link may lead anywhere: the ref must really be inside the git directory
                return refFile.toRealPath().startsWith(base.toRealPath()) ? commit(smallFile(refFile)) : null;
            }
        }
        for (Path base : List.of(git, common)) {
            String packed = packedRef(base.resolve("packed-refs"), ref);
            if (packed != null) {
                return packed;
            }
        }
        return null;
    }

    /** A commit id, or {@code null} when {@code text} is not one. */
    private static String commit(String text) {
        return text != null && COMMIT.matcher(text).matches() ? text : null;
    }

    /**
     * The trimmed content of a regular file of at most {@value #SMALL_FILE_LIMIT} bytes whose real
     * location (links followed) is a regular file, or {@code null}.
     */
    private static String smallFile(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) > SMALL_FILE_LIMIT) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(SMALL_FILE_LIMIT + 1);
            return bytes.length > SMALL_FILE_LIMIT ? null : new String(bytes, StandardCharsets.UTF_8).trim();
        }
    }

    private static String packedRef(Path packed, String ref) throws IOException {
        if (!Files.isRegularFile(packed)) {
            return null;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new BoundedInputStream(Files.newInputStream(packed), PACKED_REFS_LIMIT), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int space = line.indexOf(' ');
                if (space > 0 && line.substring(space + 1).equals(ref)) {
                    return commit(line.substring(0, space));
                }
            }
        }
        return null;
    }

    /** Ends the stream after {@code limit} bytes. */
    private static final class BoundedInputStream extends FilterInputStream {

        private long left;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
