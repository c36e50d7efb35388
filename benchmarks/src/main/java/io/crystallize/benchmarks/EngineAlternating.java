package io.crystallize.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The engine's steady state against Jupiter's, each warmed to its own steady state and then
 * measured alternately in one JVM: 200 experiments through the launcher with results on tmpfs,
 * the same with results on disk (the retired target, for information), 200 Jupiter classes, and
 * the floor under the engine: the same Jupiter classes each also writing its version of the
 * results layout by hand, on its own thread and handed to a second one ({@link
 * LayoutWritingListener}); then again, so that whatever else the machine does falls on all alike.
 *
 * <p>Why not two JMH benchmarks: each runs in its own fork minutes apart, and on a shared 2-core
 * machine the single-threaded Jupiter run moved 2.4x between full runs with the load of the
 * moment while the engine (whose results are written on a second thread) moved little, so their
 * ratio measured the load. Warm-up here runs rounds of both until each side's round median has
 * changed less than 5% twice in a row (at least {@value #MIN_WARMUP_ROUNDS} rounds), so neither is
 * measured half-compiled.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.crystallize.benchmarks.EngineAlternating <rounds> <runs per round>
 * [<min warm-up rounds> <max warm-up rounds>]} (defaults {@value #MIN_WARMUP_ROUNDS} and 30).
 * Prints {@code name value unit} lines: medians over all measured runs, their ratio, and the
 * spread of the per-round ratios; CPU figures are the median over rounds of each round's mean per
 * run (the process CPU clock may tick in 10 ms, too coarse for one run).
 */
public final class EngineAlternating {

    static final int MIN_WARMUP_ROUNDS = 10;
    private static int minWarmupRounds = MIN_WARMUP_ROUNDS;
    private static int maxWarmupRounds = 30;

    private EngineAlternating() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int runsPerRound = Integer.parseInt(args[1]);
        if (args.length > 3) {
            minWarmupRounds = Integer.parseInt(args[2]);
            maxWarmupRounds = Integer.parseInt(args[3]);
        }
        // the engine's verdict tables (200 per run) would bury the figures: only the figures are printed
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        figures = out;
        EngineBenchmark bench = new EngineBenchmark();
        bench.compile();
        bench.resultsRoot();
        String loadBefore = ColdStart.loadAverage();
        try {
            int warmup = warmUp(bench, runsPerRound);
            List<List<Double>> measured = new ArrayList<>();
            for (int i = 0; i < 2 * SIDES.length; i++) {
                measured.add(new ArrayList<>());
            }
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                double[][] round = round(bench, runsPerRound, true);
                for (int i = 0; i < SIDES.length; i++) {
                    for (double value : round[i]) {
                        if (!Double.isNaN(value)) {
                            measured.get(i).add(value);
                        }
                    }
                }
                // the process CPU clock may tick in 10 ms: one run's CPU is 0, 10 or 20 ms, a round's sum is not
                for (int i = SIDES.length; i < round.length; i++) {
                    measured.get(i).add(java.util.Arrays.stream(round[i]).filter(v -> !Double.isNaN(v)).average()
                            .orElse(Double.NaN));
                }
                ratios.add(Processes.median(round[0]) / Processes.median(round[2]));
            }
            String prefix = "engine_alternating.";
            for (int side = 0; side < SIDES.length; side++) {
                line(prefix + SIDES[side], median(measured.get(side)), "ms");
            }
            double jupiter = median(measured.get(2));
            line(prefix + "crystallize_results_on_tmpfs_vs_jupiter", median(measured.get(0)) / jupiter, "x");
            line(prefix + "crystallize_results_on_disk_vs_jupiter.information_only", median(measured.get(1)) / jupiter, "x");
            // the floor: Jupiter plus the layout's files written by hand, with no framework (LayoutWritingListener)
            line(prefix + "jupiter_writing_layout_by_hand_on_tmpfs_vs_jupiter", median(measured.get(3)) / jupiter, "x");
            line(prefix + "jupiter_writing_layout_on_a_second_thread_on_tmpfs_vs_jupiter", median(measured.get(4)) / jupiter,
                    "x");
            line(prefix + "crystallize_results_on_tmpfs_vs_jupiter_writing_layout_on_a_second_thread",
                    median(measured.get(0)) / median(measured.get(4)), "x");
            for (int side = 0; side < SIDES.length; side++) {
                line(prefix + "cpu." + SIDES[side], median(measured.get(SIDES.length + side)), "ms");
            }
            line(prefix + "cpu.crystallize_results_on_tmpfs_vs_jupiter",
                    median(measured.get(SIDES.length)) / median(measured.get(SIDES.length + 2)), "x");
            figures.println(String.format(Locale.ROOT,
                    "%sspread tmpfs/jupiter per-round ratios %.2f–%.2f over %d rounds of %d runs each, after %d warm-up rounds; load %s -> %s",
                    prefix, ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), rounds, runsPerRound,
                    warmup, loadBefore, ColdStart.loadAverage()));
        } finally {
            bench.cleanUp();
        }
    }

    /** Rounds until each side's round median is within 5% of the previous one twice running; the count. */
    private static int warmUp(EngineBenchmark bench, int runsPerRound) throws Exception {
        double previousEngine = Double.NaN;
        double previousJupiter = Double.NaN;
        int stable = 0;
        int round = 0;
        while (round < maxWarmupRounds && (round < minWarmupRounds || stable < 2)) {
            double[][] times = round(bench, runsPerRound, false);
            double engine = Processes.median(times[0]);
            double jupiter = Processes.median(times[2]);
            boolean steady = Math.abs(engine / previousEngine - 1) < 0.05 && Math.abs(jupiter / previousJupiter - 1) < 0.05;
            stable = steady ? stable + 1 : 0;
            previousEngine = engine;
            previousJupiter = jupiter;
            round++;
        }
        return round;
    }

    /** The sides measured, in the order they alternate. */
    private static final String[] SIDES = {"crystallize_results_on_tmpfs", "crystallize_results_on_disk", "jupiter",
        "jupiter_writing_layout_by_hand_on_tmpfs", "jupiter_writing_layout_on_a_second_thread_on_tmpfs"};

    /**
     * Runs of the disk side, one in this many: its figure is for information only, and every run
     * leaves 200 versions on the disk that only the suite's end deletes (minutes on this VM's disk).
     */
    static final int DISK_EVERY = 4;

    /**
     * Runs of the two floor sides, one in this many (warm-up included): each costs about what the
     * engine does, and every run of them in a round took the suite to 874 s of its 900.
     */
    static final int FLOOR_EVERY = 4;

    /**
     * One round: the sides alternately, a fresh tmpfs results root for the round; wall times in
     * {@code [side]}, CPU times of the whole process in {@code [SIDES.length + side]}. The disk
     * side runs one run in {@link #DISK_EVERY}, and not at all in warm-up rounds (it runs the
     * same code as the tmpfs side, which warms it), the floor sides one in {@link #FLOOR_EVERY};
     * their other entries are NaN.
     */
    private static double[][] round(EngineBenchmark bench, int runs, boolean measured) throws Exception {
        double[][] times = new double[2 * SIDES.length][runs];
        bench.freshMemoryResults();
        try {
            for (int i = 0; i < runs; i++) {
                for (int side = 0; side < SIDES.length; side++) {
                    if (side == 1 && (!measured || i % DISK_EVERY != 0) || side > 2 && i % FLOOR_EVERY != 0) {
                        times[side][i] = Double.NaN;
                        times[SIDES.length + side][i] = Double.NaN;
                        continue;
                    }
                    long cpu = processCpuNanos();
                    long start = System.nanoTime();
                    switch (side) {
                        case 0 -> bench.crystallizeEngineResultsOnTmpfs();
                        case 1 -> bench.crystallizeEngine();
                        case 2 -> bench.jupiterByHand();
                        case 3 -> bench.jupiterWritingLayoutOnTestThread();
                        default -> bench.jupiterWritingLayoutOnSecondThread();
                    }
                    times[side][i] = (System.nanoTime() - start) / 1e6;
                    times[SIDES.length + side][i] = (processCpuNanos() - cpu) / 1e6;
                }
            }
        } finally {
            bench.deleteMemoryResults();
        }
        return times;
    }

    /** CPU time of every thread of this process: what the machine's other load does not stretch. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(List<Double> values) {
        return Processes.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static java.io.PrintStream figures = System.out;

    private static void line(String name, double value, String unit) {
        figures.println(String.format(Locale.ROOT, "%s %.3f %s", name, value, unit));
    }
}
