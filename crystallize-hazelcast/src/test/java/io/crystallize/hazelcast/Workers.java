package io.crystallize.hazelcast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Real worker JVMs on loopback, started with {@link ClusterWorkerMain} as users start them. */
final class Workers implements AutoCloseable {

    static final String SECRET = "a-test-secret-of-some-length";

    private final List<Process> processes = new ArrayList<>();
    final String cluster;
    final int basePort;

    Workers(String cluster, int basePort) {
        this.cluster = cluster;
        this.basePort = basePort;
    }

    List<String> members(int count) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add("127.0.0.1:" + (basePort + i));
        }
        return members;
    }

    ClusterSettings driverSettings(int workers) {
        return new ClusterSettings(cluster, SECRET, members(workers), basePort + 50);
    }

    /** A worker JVM and how many runs it started. */
    record Worker(Process process, java.util.concurrent.atomic.AtomicInteger runs) {
    }

    /** Starts worker {@code i} (port {@code basePort + i}) and returns once it says it is ready. */
    Worker start(int i, int workers, Path extraClasses, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx192m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dhazelcast.local.localAddress=127.0.0.1");
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        String classPath = System.getProperty("java.class.path");
        command.add(extraClasses == null ? classPath : extraClasses + java.io.File.pathSeparator + classPath);
        command.add(ClusterWorkerMain.class.getName());
        command.addAll(List.of("--cluster", cluster, "--secret", SECRET, "--members",
                String.join(",", members(workers)), "--port", Integer.toString(basePort + i), "--threads", "1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("crystallize worker")) {
                        return line;
                    }
                    System.err.println("[worker " + i + "] " + line);
                }
                return "ended";
            } catch (IOException e) {
                return "ended: " + e;
            }
        });
        String line = ready.get(90, TimeUnit.SECONDS);
        if (!line.startsWith("crystallize worker")) {
            throw new IllegalStateException("worker " + i + " did not start: " + line);
        }
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        Thread drain = new Thread(() -> {
            try {
                for (String next = out.readLine(); next != null; next = out.readLine()) {
                    if (next.startsWith("ran ")) {
                        runs.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                // gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        return new Worker(process, runs);
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
    }
}
