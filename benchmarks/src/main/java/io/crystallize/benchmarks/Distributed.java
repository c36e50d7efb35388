package io.crystallize.benchmarks;

import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.core.RunRequest;
import io.crystallize.core.TaskExecution;
import io.crystallize.fork.ExperimentSource;
import io.crystallize.fork.ForkPool;
import io.crystallize.fork.ForkedExecution;
import io.crystallize.hazelcast.ClusterExecution;
import io.crystallize.hazelcast.ClusterSettings;
import io.crystallize.hazelcast.ClusterWorkerMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput and per-run overhead of runs outside the calling JVM, each beside its same-run
 * baseline: 2 forks against one thread on 20 ms CPU-bound steps, in rounds that alternate the
 * three (medians and ranges printed); a fork's per-run overhead against a thread's on empty steps;
 * 2 cluster workers against 1. Whole executions are timed: with forks started for the execution,
 * their start included; with a {@link ForkPool}'s forks, after the pool served one execution (as
 * an engine run's experiments after its first); workers of the cluster are started before, as
 * users start them.
 * Prints {@code name value unit} lines. {@code --smoke}: a few runs of each, to prove it runs.
 */
public final class Distributed {

    private static final ExperimentSource BURN = ExperimentSource.factory(BurnExperiment.class);

    private Distributed() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = args.length > 0 && args[0].equals("--smoke");
        int burnReplicates = smoke ? 2 : 200; // x 2 conditions
        int emptyReplicates = smoke ? 5 : 1000;
        int rounds = smoke ? 1 : 3;
        long iterations = smoke ? 1000 : calibrate(20);
        System.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        System.out.println("distributed.load_average_before " + load() + " (1 min)");
        System.out.println("distributed.iterations_per_20ms " + iterations + " ops");

        // one thread, 2 forks started for the execution, and 2 forks of a pool that served an execution
        // before (an engine run's experiments after its first), interleaved round by round
        List<Double> serial = new ArrayList<>();
        List<Double> forked = new ArrayList<>();
        List<Double> pooled = new ArrayList<>();
        try (ForkPool pool = ForkPool.start(2, options(iterations, burnReplicates))) {
            seconds(burnReplicates, iterations, new ForkedExecution(pool, BURN));
            for (int round = 0; round < rounds; round++) {
                serial.add(seconds(burnReplicates, iterations, null));
                forked.add(seconds(burnReplicates, iterations, forks(2, iterations, burnReplicates)));
                pooled.add(seconds(burnReplicates, iterations, new ForkedExecution(pool, BURN)));
                System.out.printf("distributed.round_%d one thread %.2f s, 2 forks per execution %.2f s, 2 forks of a pool "
                        + "%.2f s (load %s)%n", round + 1, serial.get(round), forked.get(round), pooled.get(round), load());
            }
        }
        double one = median(serial);
        System.out.printf("distributed.single_thread_%dx2_runs_of_20ms %.2f s %s%n", burnReplicates, one,
                spread(serial));
        System.out.printf("distributed.two_forks_started_per_execution_%dx2_runs_of_20ms %.2f s (%.2fx) %s%n",
                burnReplicates, median(forked), one / median(forked), spread(forked));
        System.out.printf("distributed.two_forks_of_a_pool_%dx2_runs_of_20ms %.2f s (%.2fx) %s%n", burnReplicates,
                median(pooled), one / median(pooled), spread(pooled));

        double thread = seconds(emptyReplicates, 0, null);
        double oneFork = seconds(emptyReplicates, 0, forks(1, 0, emptyReplicates));
        double forkStart = seconds(1, 0, forks(1, 0, 1));
        double pooledFork;
        try (ForkPool pool = ForkPool.start(1, options(0, emptyReplicates))) {
            seconds(emptyReplicates, 0, new ForkedExecution(pool, BURN));
            pooledFork = seconds(emptyReplicates, 0, new ForkedExecution(pool, BURN));
        }
        int runs = emptyReplicates * 2;
        System.out.printf("distributed.per_run_thread %.1f us%n", thread / runs * 1e6);
        System.out.printf("distributed.per_run_fork %.1f us (start of the fork included: %.0f ms per execution)%n",
                oneFork / runs * 1e6, forkStart * 1e3);
        System.out.printf("distributed.per_run_fork_of_a_pool %.1f us%n", pooledFork / runs * 1e6);

        cluster(smoke, burnReplicates, emptyReplicates, iterations);
        System.out.println("distributed.load_average_after " + load() + " (1 min)");
    }

    private static List<String> options(long iterations, int replicates) {
        return List.of("-D" + BurnExperiment.ITERATIONS + "=" + iterations, "-D" + BurnExperiment.REPLICATES + "="
                + replicates);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String spread(List<Double> values) {
        return String.format("[%.2f-%.2f over %d rounds]", values.stream().mapToDouble(Double::doubleValue).min()
                .orElse(0), values.stream().mapToDouble(Double::doubleValue).max().orElse(0), values.size());
    }

    private static void cluster(boolean smoke, int burnReplicates, int emptyReplicates, long iterations)
            throws Exception {
        String name = "bench-" + ProcessHandle.current().pid();
        int port = 30000 + (int) (ProcessHandle.current().pid() % 200) * 100;
        List<String> members = List.of("127.0.0.1:" + port, "127.0.0.1:" + (port + 1));
        String secret = "benchmark-secret-" + System.nanoTime();
        List<Process> workers = new ArrayList<>();
        try {
            workers.add(worker(name, secret, members, port, iterations));
            ClusterSettings settings = new ClusterSettings(name, secret, members, port + 50);
            try (ClusterExecution one = new ClusterExecution(settings, ExperimentSource.factory(BurnExperiment.class))) {
                seconds(2, iterations, one); // joined, worker warm
                double single = seconds(burnReplicates, iterations, one);
                double empty = seconds(emptyReplicates, 0, one);
                workers.add(worker(name, secret, members, port + 1, iterations));
                ClusterExecution two = one.withWorkers(2, Duration.ofSeconds(60));
                seconds(2, iterations, two);
                double both = seconds(burnReplicates, iterations, two);
                System.out.printf("distributed.cluster_1_worker_%dx2_runs_of_20ms %.2f s%n", burnReplicates, single);
                System.out.printf("distributed.cluster_2_workers_%dx2_runs_of_20ms %.2f s (%.2fx)%n", burnReplicates,
                        both, single / both);
                System.out.printf("distributed.per_run_cluster_1_worker %.1f us%n",
                        empty / (emptyReplicates * 2) * 1e6);
                two.close();
            }
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    private static TaskExecution forks(int count, long iterations, int replicates) {
        return new ForkedExecution(count, BURN).withJvmOptions(options(iterations, replicates));
    }

    private static Process worker(String cluster, String secret, List<String> members, int port, long iterations)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dhazelcast.local.localAddress=127.0.0.1", "-D" + BurnExperiment.ITERATIONS + "="
                + iterations, "-cp", System.getProperty("java.class.path"), ClusterWorkerMain.class.getName(),
                "--cluster", cluster, "--secret", secret, "--members", String.join(",", members), "--port",
                Integer.toString(port), "--threads", "1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("crystallize worker")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        throw new IllegalStateException("a cluster worker did not start");
    }

    /** Seconds of one execution of {@code replicates} x 2 runs, through {@code strategy} or on this thread. */
    private static double seconds(int replicates, long iterations, TaskExecution strategy) {
        System.setProperty(BurnExperiment.ITERATIONS, Long.toString(iterations));
        System.setProperty(BurnExperiment.REPLICATES, Integer.toString(replicates));
        Experiment experiment = new BurnExperiment().get();
        long start = System.nanoTime();
        Result result = experiment.run(strategy == null ? RunRequest.defaults()
                : RunRequest.defaults().withStrategy(strategy));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!result.errors().isEmpty() || result.metric("baseline", "x").values().length != replicates) {
            throw new IllegalStateException("runs failed: " + result.errors());
        }
        return seconds;
    }

    /** Iterations of {@link BurnExperiment#burn} that take {@code millis} on this machine, warmed up. */
    private static long calibrate(int millis) {
        long iterations = 1_000_000;
        for (int round = 0; round < 6; round++) {
            long start = System.nanoTime();
            BurnExperiment.burn(iterations, round);
            double took = (System.nanoTime() - start) / 1e6;
            iterations = (long) (iterations * millis / Math.max(took, 0.01));
        }
        return iterations;
    }

    private static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
