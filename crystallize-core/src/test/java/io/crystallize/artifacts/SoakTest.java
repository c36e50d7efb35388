package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.core.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs write one experiment's versions on one root at once, with retention on, while some
 * of them are killed ({@code kill -9}) mid-execution and replaced: no execution loses an artifact
 * while it runs, every complete version stays readable with the right values, retention strips
 * old versions, and after one more execution nothing the killed writers left behind remains but
 * what they had finished.
 *
 * <p>Short by default (2 JVMs × 5 executions, one kill); {@code -Dcrystallize.soak=full} runs 4 JVMs
 * × 25 executions with random kills; {@code -Dcrystallize.soak.seed=<n>} repeats a run.
 */
class SoakTest {

    @TempDir
    Path temp;

    private record Plan(int jvms, int executions, int killsPerJvm) {
    }

    private final List<String> lost = Collections.synchronizedList(new ArrayList<>());
    private final List<String> done = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Test
    void concurrentWritersKilledAtRandomLoseNothingFinished() throws Exception {
        boolean full = "full".equals(System.getProperty("crystallize.soak"));
        Plan plan = full ? new Plan(4, 25, 4) : new Plan(2, 5, 1);
        long seed = Long.getLong("crystallize.soak.seed", System.nanoTime());
        String label = "soak seed " + seed + " (rerun with -Dcrystallize.soak.seed=" + seed + ")";
        Path root = temp.resolve("root");

        ExecutorService slots = Executors.newFixedThreadPool(plan.jvms());
        List<Future<Integer>> kills = new ArrayList<>();
        for (int slot = 0; slot < plan.jvms(); slot++) {
            Random random = new Random(seed + slot);
            boolean mustKill = !full && slot == 0;
            kills.add(slots.submit(() -> runSlot(root, plan, random, mustKill)));
        }
        int killed = 0;
        for (Future<Integer> slot : kills) {
            killed += slot.get(full ? 20 : 3, TimeUnit.MINUTES);
        }
        slots.shutdown();

        assertThat(failures).as(label).isEmpty();
        assertThat(lost).as(label + ": artifacts deleted while their execution ran").isEmpty();
        assertThat(done).as(label).hasSize(plan.jvms() * plan.executions());
        assertThat(killed).as(label).isGreaterThanOrEqualTo(1);

        Path experimentDir = root.resolve(SoakWorker.EXPERIMENT);
        SoakWorker.experiment(root, seed).run(); // a first claim in this JVM: cleans up after the killed writers
        List<Long> versions = Layout.versions(experimentDir);
        long newest = versions.get(versions.size() - 1);
        int complete = 0;
        int failed = 0;
        for (long number : versions) {
            Path version = Layout.versionDir(experimentDir, number);
            VersionStatus status = ArtifactPlugin.versionStatus(version);
            assertThat(status).as(label + ": " + version).isIn(VersionStatus.COMPLETE, VersionStatus.FAILED);
            assertThat(leftovers(version)).as(label + ": leftovers in " + version).isEmpty();
            try (Stream<Path> children = Files.list(version)) {
                assertThat(children.findAny()).as(label + ": empty version " + version).isPresent();
            }
            if (status == VersionStatus.FAILED) {
                failed++;
            } else {
                complete++;
                assertIntact(version, number > newest - SoakWorker.RETENTION.keepVersions(), label);
            }
        }
        for (String version : done) {
            assertThat(ArtifactPlugin.versionStatus(experimentDir.resolve(version))).as(label + ": " + version)
                    .isEqualTo(VersionStatus.COMPLETE);
        }
        assertThat(complete).as(label).isGreaterThan(done.size());
        System.out.println("soak: " + plan.jvms() + " JVMs x " + plan.executions() + " executions, " + killed
                + " killed, " + versions.size() + " versions (" + complete + " complete, " + failed + " failed), " + label);
    }

    /** Runs this slot's executions in JVMs, killing up to the plan's count of them; returns how many were killed. */
    private int runSlot(Path root, Plan plan, Random random, boolean mustKill) throws Exception {
        int remaining = plan.executions();
        int killed = 0;
        while (remaining > 0) {
            boolean kill = killed < plan.killsPerJvm() && (mustKill || random.nextInt(4) > 0);
            Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SoakWorker.class.getName(), root.toString(),
                    String.valueOf(remaining), String.valueOf(random.nextLong())).redirectErrorStream(true).start();
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> read(worker, output));
            reader.start();
            if (kill) {
                // inside a random execution of this JVM: after it claimed its version, before it ends (mostly)
                int target = 1 + random.nextInt(remaining);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (count(output, "RUNNING ") < target && worker.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                Thread.sleep(random.nextInt(80));
                if (worker.isAlive()) {
                    worker.destroyForcibly();
                    killed++;
                }
            }
            if (!worker.waitFor(5, TimeUnit.MINUTES)) {
                worker.destroyForcibly();
                failures.add("worker hung: " + output);
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
            int finished = 0;
            for (String line : output) {
                if (line.startsWith("DONE ")) {
                    done.add(line.substring(5));
                    finished++;
                } else if (line.startsWith("LOST ")) {
                    lost.add(line.substring(5));
                }
            }
            if (!kill && worker.exitValue() != 0) {
                failures.add("worker failed (" + worker.exitValue() + "): " + String.join("\n", output));
                return killed;
            }
            remaining -= finished;
        }
        return killed;
    }

    private static long count(List<String> output, String prefix) {
        synchronized (output) {
            return output.stream().filter(line -> line.startsWith(prefix)).count();
        }
    }

    private static void read(Process worker, List<String> output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("READ FAILED " + e);
        }
    }

    private static List<Path> leftovers(Path version) throws IOException {
        try (Stream<Path> walk = Files.walk(version)) {
            return walk.filter(p -> Layout.isTemporary(p.getFileName().toString())
                    || p.getFileName().toString().equals(VersionLock.FILE)).toList();
        }
    }

    /** Readable with the values every execution records; small artifacts all there, large ones while kept. */
    private static void assertIntact(Path version, boolean kept, String label) throws IOException {
        Result result = ArtifactPlugin.readResult(version);
        assertThat(result.metric("baseline", "metric").values()).as(label + ": " + version).containsExactly(0, 1, 2);
        assertThat(result.metric("plus", "metric").values()).as(label + ": " + version).containsExactly(1, 2, 3);
        for (String condition : List.of("baseline", "plus")) {
            for (int r = 0; r < SoakWorker.REPLICATES; r++) {
                Path work = version.resolve("replicate_" + r).resolve(condition).resolve("Work");
                assertThat(work.resolve("small.txt")).as(label).hasContent(condition + " " + r);
                assertThat(Files.exists(work.resolve("big.bin"))).as(label + ": big.bin kept in " + work)
                        .isEqualTo(kept);
            }
        }
    }
}
