package io.crystallize.artifacts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a version directory still has a live writer, known across processes and hosts.
 *
 * <p>The writer holds an exclusive {@link FileChannel#lock() lock} on {@value #FILE} in the
 * version directory from just after the claim until its results are written. Locks are what the
 * operating system releases when a process dies, however it dies, so on a local disk they are the
 * whole answer. On shared file systems they are not always reliable (NFS without a lock daemon
 * grants every lock; some FUSE file systems do not support them), so the file also names the
 * writer: pid, host and process start time. A reader on the same host checks that process (the
 * start time tells a reused pid apart); for a writer on another host it relies on a heartbeat —
 * the writer's JVM touches the file every {@link #HEARTBEAT} — and takes a file untouched for
 * {@link #STALE} for a dead writer's.
 *
 * <p>Within one JVM the lock cannot be probed (a second channel on the same file would release
 * the first one's lock when closed), so the versions this JVM writes are kept in a set, entered
 * before the directory is created.
 */
final class VersionLock {

    static final String FILE = ".crystallize_writer";

    /** A claim younger than this has not had the time to make its lock file: it is taken as live. */
    static final Duration CLAIM_GRACE = Duration.ofSeconds(60);
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration STALE = Duration.ofSeconds(90);

    /** Version directories (absolute, normalized) written in this JVM, and their locks once held. */
    private static final Map<Path, VersionLock> HELD = new ConcurrentHashMap<>();
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private static volatile Thread heartbeat;

    private final Path key;
    private final Path file;
    private FileChannel channel;
    private FileLock lock;

    private VersionLock(Path key) {
        this.key = key;
        this.file = key.resolve(FILE);
    }

    /** Enters {@code versionDir} as written by this JVM; call before creating it, so no probe here can miss it. */
    static VersionLock announce(Path versionDir) {
        Path key = versionDir.toAbsolutePath().normalize();
        WRITING.add(key);
        return new VersionLock(key);
    }

    /** Makes and locks the lock file in the freshly created directory, naming this process in it. */
    void hold() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            try {
                lock = channel.lock();
            } catch (IOException locksUnsupported) {
                lock = null; // the pid, host and heartbeat written below still tell
            }
            channel.write(ByteBuffer.wrap(Writer.SELF.describe().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
        HELD.put(key, this);
        startHeartbeat();
    }

    /**
     * Takes over the lock of an existing version directory whose writer is gone (killed, or
     * finished with the version stopped), to write there again; {@code null} when a writer here or
     * in another process still holds it.
     */
    static VersionLock takeOver(Path versionDir) throws IOException {
        Path key = versionDir.toAbsolutePath().normalize();
        if (!WRITING.add(key)) {
            return null; // this JVM writes it
        }
        VersionLock taken = new VersionLock(key);
        FileChannel channel = null;
        try {
            try {
                channel = FileChannel.open(taken.file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                channel = FileChannel.open(taken.file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            FileLock lock = null;
            boolean free;
            try {
                lock = channel.tryLock();
                free = lock != null;
            } catch (OverlappingFileLockException e) {
                free = false;
            } catch (IOException locksUnsupported) {
                Writer writer = readWriter(channel); // the pid, host and heartbeat tell instead
                free = writer == null || !judge(taken.file, writer);
            }
            if (!free) {
                channel.close();
                WRITING.remove(key);
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Writer.SELF.describe().getBytes(StandardCharsets.UTF_8)), 0);
            taken.channel = channel;
            taken.lock = lock;
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            WRITING.remove(key);
            throw e;
        }
        HELD.put(key, taken);
        startHeartbeat();
        return taken;
    }

    /** Takes back an announcement whose directory could not be created (another writer has it). */
    void withdraw() {
        WRITING.remove(key);
    }

    /** Deletes the lock file and releases the lock: the version is no longer being written. */
    void release() {
        try {
            HELD.remove(key);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover lock file without a holder reads as a dead writer's; cleanup removes it
            }
            if (channel != null) {
                channel.close(); // releases the lock
            }
        } catch (IOException e) {
            // closing a channel fails only when the file system does; the process's end releases it
        } finally {
            WRITING.remove(key);
        }
    }

    /** True when some execution (here or in another process) may still be writing {@code versionDir}. */
    static boolean isLive(Path versionDir) throws IOException {
        Path key = versionDir.toAbsolutePath().normalize();
        if (WRITING.contains(key)) {
            return true;
        }
        Path file = key.resolve(FILE);
        if (!Files.exists(file)) {
            // a writer makes its lock file before anything else, and deletes it when done: only an
            // empty directory can be a claim about to make it (or one whose writer died in between);
            // its age first, one file status where emptiness takes a listing
            return youngerThan(key, CLAIM_GRACE) && isEmpty(key);
        }
        Writer writer;
        // a shared lock needs only read access (results may be read-only) and is refused while the writer holds its own
        try (FileChannel probe = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock taken;
            try {
                taken = probe.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException e) {
                return true; // this JVM holds it
            } catch (IOException locksUnsupported) {
                return judge(file, readWriter(probe));
            }
            if (taken == null) {
                return true; // another process holds it
            }
            writer = readWriter(probe);
        } catch (NoSuchFileException e) {
            return false; // the writer finished and removed it
        }
        // the lock was free: the writer is dead, unless locks are not shared on this file system
        return judge(file, writer);
    }

    private static boolean judge(Path file, Writer writer) throws IOException {
        if (writer == null) {
            return youngerThan(file, CLAIM_GRACE); // written right after locking: being written now, or never
        }
        if (writer.host().equals(Writer.SELF.host())) {
            return writer.isRunning();
        }
        return youngerThan(file, STALE);
    }

    private static Writer readWriter(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        channel.position(0);
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
            // a lock file holds a few dozen bytes; more is not a lock file of ours
        }
        return Writer.parse(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var children = Files.list(dir)) {
            return children.findAny().isEmpty();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static boolean youngerThan(Path path, Duration age) throws IOException {
        try {
            Instant modified = Files.getLastModifiedTime(path).toInstant();
            return modified.isAfter(Instant.now().minus(age));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** One daemon thread per JVM touches every held lock file, so writers on other hosts can tell it is alive. */
    private static void startHeartbeat() {
        if (heartbeat != null) {
            return;
        }
        synchronized (VersionLock.class) {
            if (heartbeat != null) {
                return;
            }
            Thread thread = new Thread(VersionLock::beat, "crystallize-version-heartbeat");
            thread.setDaemon(true);
            thread.start();
            heartbeat = thread;
        }
    }

    private static void beat() {
        while (true) {
            try {
                Thread.sleep(HEARTBEAT.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            FileTime now = FileTime.from(Instant.now());
            for (VersionLock held : HELD.values()) {
                try {
                    Files.setLastModifiedTime(held.file, now);
                } catch (IOException e) {
                    // released meanwhile, or the file system is gone: nothing to keep alive
                }
            }
        }
    }

    /** The process that holds a lock file: its pid, host and start time, as written in the file. */
    record Writer(long pid, String host, long startMillis) {

        static final Writer SELF = new Writer(ProcessHandle.current().pid(), Host.NAME,
                ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L));

        String describe() {
            return "pid=" + pid + "\nhost=" + host + "\nstarted=" + startMillis + "\n";
        }

        static Writer parse(String text) {
            Long pid = null;
            String host = null;
            Long started = null;
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String value = line.substring(eq + 1).trim();
                try {
                    switch (line.substring(0, eq)) {
                        case "pid" -> pid = Long.parseLong(value);
                        case "host" -> host = value;
                        case "started" -> started = Long.parseLong(value);
                        default -> {
                        }
                    }
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return pid == null || host == null || started == null ? null : new Writer(pid, host, started);
        }

        /** Whether this writer's process still runs on this host (a reused pid has another start time). */
        boolean isRunning() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> startMillis == 0 || p.info().startInstant().map(Instant::toEpochMilli)
                            .map(s -> Math.abs(s - startMillis) < 1000).orElse(true))
                    .orElse(false);
        }
    }

    /** This machine's name, without a DNS lookup (which can take seconds where the network is misconfigured). */
    private static final class Host {

        static final String NAME = find();

        private static String find() {
            String env = System.getenv("HOSTNAME");
            if (env == null || env.isBlank()) {
                env = System.getenv("COMPUTERNAME");
            }
            if (env != null && !env.isBlank()) {
                return env.trim();
            }
            try {
                Path kernel = Path.of("/proc/sys/kernel/hostname");
                if (Files.isRegularFile(kernel)) {
                    try (var in = Files.newInputStream(kernel)) {
                        String name = new String(in.readNBytes(256), StandardCharsets.UTF_8).trim();
                        if (!name.isEmpty()) {
                            return name;
                        }
                    }
                }
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }
    }
}
