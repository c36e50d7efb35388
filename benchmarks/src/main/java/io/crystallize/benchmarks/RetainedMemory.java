package io.crystallize.benchmarks;

import io.crystallize.core.Result;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Benchmark 4: bytes retained per recorded metric value (provenance included): heap after a full
 * GC with the {@link Result} reachable, minus the heap before, divided by the values recorded.
 * The baseline is the same values held in plain {@code double[]}s, measured the same way.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.crystallize.benchmarks.RetainedMemory [replicates]}
 */
public final class RetainedMemory {

    private RetainedMemory() {
    }

    public static void main(String[] args) {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long values = 2L * replicates;

        long before = usedAfterGc();
        Result result = TrivialExperiment.build(null, replicates).run();
        long after = usedAfterGc();
        double framework = (after - before) / (double) values;
        check(result, values);

        before = usedAfterGc();
        double[][] plain = HandWrittenLoop.run(null, replicates, 42L);
        after = usedAfterGc();
        double baseline = (after - before) / (double) values;

        System.out.println(String.format(Locale.ROOT, "memory.retained_per_value.framework %.2f bytes", framework));
        System.out.println(String.format(Locale.ROOT, "memory.retained_per_value.double_array %.2f bytes", baseline));
        System.out.println(String.format(Locale.ROOT, "memory.retained_per_value.difference %.2f bytes", framework - baseline));
        if (plain.length == 0 || result.replicates() != replicates) {
            throw new AssertionError("unreachable: keeps both alive until measured");
        }
    }

    private static void check(Result result, long values) {
        long recorded = result.metrics().values().stream().flatMap(m -> m.values().stream()).mapToLong(s -> s.size()).sum();
        if (recorded != values) {
            throw new IllegalStateException("expected " + values + " values, the result holds " + recorded);
        }
    }

    static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

}
