package io.crystallize.core;

import java.util.List;
import java.util.Locale;

/**
 * How many runs one execution may have, checked before anything is allocated or run: counts are
 * multiplied in {@code long}, so no product wraps around into a small or negative number.
 */
final class RunBounds {

    /** Runs of one execution, warm-ups included: runs are numbered with ints, and one array holds their records. */
    static final long MAX_RUNS = Integer.MAX_VALUE - 8;

    /**
     * Heap an execution holds per measured run at least, until its result is assembled: the
     * record's slot (4 bytes), the record (32) and the run's metrics object (48), even for a run
     * that records nothing. Real runs hold more; this only refuses what can never fit.
     */
    static final long MIN_BYTES_PER_RUN = 84;

    private RunBounds() {
    }

    /** Adds a problem for each count of one execution that is out of bounds for this JVM. */
    static void check(List<String> problems, int replicates, int warmups, int conditions, long maxHeap) {
        if (replicates < 1 || conditions < 1) {
            return; // reported on their own
        }
        long runs = (long) replicates * conditions;
        long all = ((long) replicates + warmups) * conditions;
        String product = count(replicates, "replicate") + " x " + count(conditions, "condition");
        if (all > MAX_RUNS) {
            String what = warmups == 0 ? product
                    : "(" + count(replicates, "replicate") + " + " + count(warmups, "warm-up replicate") + ") x "
                            + count(conditions, "condition");
            problems.add(what + " = " + all + " runs exceed the limit of " + MAX_RUNS + " runs per execution: run fewer "
                    + (warmups > replicates ? "warm-up replicates" : "replicates") + " or fewer treatments");
            return;
        }
        long needed = runs * MIN_BYTES_PER_RUN;
        if (maxHeap != Long.MAX_VALUE && needed > maxHeap) {
            problems.add(product + " = " + runs + " runs need at least " + size(needed)
                    + " of heap to hold their records until the result is assembled (" + MIN_BYTES_PER_RUN
                    + " bytes per run), but this JVM may use at most " + size(maxHeap)
                    + " (-Xmx): run fewer replicates, or give the JVM more heap");
        }
    }

    /** Adds a problem when an optimisation's trials x replicates per trial are out of bounds. */
    static void checkOptimization(List<String> problems, int trials, int replicatesPerTrial) {
        long runs = (long) trials * replicatesPerTrial;
        if (runs > MAX_RUNS) {
            problems.add(count(trials, "trial") + " x " + count(replicatesPerTrial, "replicate")
                    + " per trial = " + runs + " runs exceed the limit of " + MAX_RUNS
                    + " runs per optimisation: run fewer trials or fewer replicates per trial");
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String size(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
