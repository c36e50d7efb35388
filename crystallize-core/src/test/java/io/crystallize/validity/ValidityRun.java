package io.crystallize.validity;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Measures every cell of a grid, on one thread or a small pool; the numbers do not depend on which. */
final class ValidityRun {

    /** The seed every experiment's master seed derives from. */
    static final long SEED = 20_260_519L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<Measurement> measurements;
    private final Map<String, Double> cpuSecondsByGroup;

    private ValidityRun(List<Measurement> measurements, Map<String, Double> cpuSecondsByGroup) {
        this.measurements = measurements;
        this.cpuSecondsByGroup = cpuSecondsByGroup;
    }

    /** The measurements of every scenario, in the grid's order. */
    static List<Measurement> measure(Grid grid, int threads) {
        return run(grid, threads).measurements();
    }

    static ValidityRun run(Grid grid, int threads) {
        List<Cell> cells = grid.cells();
        Map<String, Double> cpu = new ConcurrentHashMap<>();
        List<Measurement> all = new ArrayList<>();
        if (threads <= 1) {
            for (Cell cell : cells) {
                all.addAll(measure(cell, cpu));
            }
            return new ValidityRun(all, new TreeMap<>(cpu));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "validity");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Measurement>>> futures = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                futures.add(null);
            }
            // the costliest cells first, so that the pool does not end on one long cell
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> cost(cells.get(i))).reversed());
            for (int i : order) {
                Cell cell = cells.get(i);
                futures.set(i, pool.submit(() -> measure(cell, cpu)));
            }
            for (Future<List<Measurement>> f : futures) {
                all.addAll(f.get());
            }
            return new ValidityRun(all, new TreeMap<>(cpu));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("validity run interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a validity cell failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Measurement> measure(Cell cell, Map<String, Double> cpu) {
        long start = THREADS.getCurrentThreadCpuTime();
        List<Measurement> measured = new CellRun(cell, SEED).run();
        cpu.merge(cell.group(), (THREADS.getCurrentThreadCpuTime() - start) / 1e9, Double::sum);
        return measured;
    }

    List<Measurement> measurements() {
        return measurements;
    }

    /** CPU seconds the cells of each group took (their threads' time, without JIT and GC). */
    Map<String, Double> cpuSecondsByGroup() {
        return cpuSecondsByGroup;
    }

    private static double cost(Cell cell) {
        double resampling = cell.group().equals("resampling") ? 40 : 1;
        return resampling * cell.experiments() * (cell.n() + 5.0) * cell.scenarios().size();
    }
}
