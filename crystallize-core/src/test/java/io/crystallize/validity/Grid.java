package io.crystallize.validity;

import io.crystallize.annotation.StatisticalTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which scenarios a validity run measures, and on how many Monte-Carlo experiments.
 *
 * <p>The full grid covers every population, every n in {@link #SIZES}, and every built-in test:
 * the default test under shared and independent seeds with every check; the paired tests under
 * shared seeds and the unpaired ones under independent seeds (how users meet them), with every
 * check their questions allow; the resampling tests (9,999 resamples per verdict) on a fifth of
 * the experiments and the core checks only. The smoke grid is a handful of those cells, sized for
 * a CI test of well under a minute on one core.
 */
final class Grid {

    static final int[] SIZES = {2, 3, 5, 10, 30, 100};

    /** Experiments per stage of the full grid unless configured. */
    static final int FULL_EXPERIMENTS = 1000;

    /** Experiments per stage of the smoke grid. */
    static final int SMOKE_EXPERIMENTS = 400;

    /** Resampling tests run on this fraction of the experiments (each verdict resamples 9,999 times). */
    static final int RESAMPLING_SHARE = 5;

    private static final Set<Check> ALL_CHECKS = EnumSet.allOf(Check.class);
    private static final Set<Check> CORE_CHECKS = EnumSet.of(Check.BETTER_FPR, Check.DIFFERENT_FPR,
            Check.NON_INFERIORITY_FPR, Check.EQUIVALENCE_FPR, Check.BETTER_POWER, Check.COVERAGE_NULL);
    private static final Set<Check> RESAMPLING_SMOKE_CHECKS = EnumSet.of(Check.BETTER_FPR, Check.DIFFERENT_FPR,
            Check.BETTER_POWER, Check.COVERAGE_NULL);
    private static final List<StatisticalTest> PAIRED = List.of(StatisticalTest.PAIRED_T, StatisticalTest.WILCOXON);
    private static final List<StatisticalTest> UNPAIRED = List.of(StatisticalTest.WELCH, StatisticalTest.STUDENT_T,
            StatisticalTest.MANN_WHITNEY, StatisticalTest.KOLMOGOROV_SMIRNOV, StatisticalTest.ANOVA,
            StatisticalTest.FISHER_EXACT, StatisticalTest.CHI_SQUARE, StatisticalTest.G_TEST, StatisticalTest.BINOMIAL);
    private static final List<StatisticalTest> RESAMPLING = List.of(StatisticalTest.PERMUTATION,
            StatisticalTest.BOOTSTRAP);

    private final List<Cell> cells = new ArrayList<>();

    private Grid() {
    }

    List<Cell> cells() {
        return cells;
    }

    int scenarioCount() {
        return cells.stream().mapToInt(c -> c.scenarios().size()).sum();
    }

    /** Every population, n and built-in test, {@code experiments} per stage (resampling tests a fifth). */
    static Grid full(int experiments) {
        Grid grid = new Grid();
        int resampling = Math.max(1, experiments / RESAMPLING_SHARE);
        for (Population p : Population.values()) {
            for (int n : SIZES) {
                for (Pairing pairing : Pairing.values()) {
                    grid.add("default", List.of(StatisticalTest.DEFAULT), ALL_CHECKS, p, pairing, n, experiments);
                }
                grid.add("paired", PAIRED, ALL_CHECKS, p, Pairing.SHARED_SEEDS, n, experiments);
                grid.add("unpaired", UNPAIRED, ALL_CHECKS, p, Pairing.INDEPENDENT_SEEDS, n, experiments);
                grid.add("resampling", RESAMPLING, CORE_CHECKS, p, Pairing.INDEPENDENT_SEEDS, n, resampling);
            }
        }
        return grid;
    }

    /**
     * The CI grid: the default test on each kind of metric (continuous, skewed, heavy-tailed,
     * 0/1, counts, constant), tiny to large n, both seedings; each other built-in test on one
     * population it is made for.
     */
    static Grid smoke() {
        Grid grid = new Grid();
        int r = SMOKE_EXPERIMENTS;
        List<StatisticalTest> defaults = List.of(StatisticalTest.DEFAULT);
        grid.add("default", defaults, ALL_CHECKS, Population.NORMAL, Pairing.SHARED_SEEDS, 2, r);
        grid.add("default", defaults, ALL_CHECKS, Population.NORMAL, Pairing.SHARED_SEEDS, 10, r);
        grid.add("default", defaults, ALL_CHECKS, Population.NORMAL, Pairing.INDEPENDENT_SEEDS, 10, r);
        grid.add("default", defaults, ALL_CHECKS, Population.EXPONENTIAL, Pairing.INDEPENDENT_SEEDS, 3, r);
        grid.add("default", defaults, ALL_CHECKS, Population.LOG_NORMAL, Pairing.SHARED_SEEDS, 5, r);
        grid.add("default", defaults, ALL_CHECKS, Population.LOG_NORMAL, Pairing.INDEPENDENT_SEEDS, 100, r);
        grid.add("default", defaults, ALL_CHECKS, Population.STUDENT_T3, Pairing.SHARED_SEEDS, 30, r);
        grid.add("default", defaults, ALL_CHECKS, Population.BINARY_05, Pairing.INDEPENDENT_SEEDS, 10, r);
        grid.add("default", defaults, ALL_CHECKS, Population.BINARY_50, Pairing.SHARED_SEEDS, 30, r);
        grid.add("default", defaults, ALL_CHECKS, Population.POISSON, Pairing.SHARED_SEEDS, 5, r);
        grid.add("default", defaults, ALL_CHECKS, Population.CONSTANT, Pairing.SHARED_SEEDS, 5, r);
        grid.add("paired", PAIRED, ALL_CHECKS, Population.STUDENT_T3, Pairing.SHARED_SEEDS, 10, r);
        grid.add("unpaired", UNPAIRED, ALL_CHECKS, Population.EXPONENTIAL, Pairing.INDEPENDENT_SEEDS, 10, r);
        grid.add("unpaired", UNPAIRED, ALL_CHECKS, Population.BINARY_20, Pairing.INDEPENDENT_SEEDS, 30, r);
        grid.add("resampling", RESAMPLING, RESAMPLING_SMOKE_CHECKS, Population.NORMAL, Pairing.INDEPENDENT_SEEDS, 10,
                r / RESAMPLING_SHARE);
        return grid;
    }

    /** Two small cells of 30 experiments: enough to check the harness, not the statistics. */
    static Grid smallForTests() {
        Grid grid = new Grid();
        grid.add("default", List.of(StatisticalTest.DEFAULT), EnumSet.of(Check.BETTER_FPR, Check.NON_INFERIORITY_FPR,
                Check.BETTER_POWER), Population.NORMAL, Pairing.SHARED_SEEDS, 5, 30);
        grid.add("unpaired", List.of(StatisticalTest.WELCH, StatisticalTest.MANN_WHITNEY), EnumSet.of(Check.BETTER_FPR,
                Check.COVERAGE_NULL), Population.EXPONENTIAL, Pairing.INDEPENDENT_SEEDS, 5, 30);
        return grid;
    }

    private void add(String group, List<StatisticalTest> tests, Set<Check> checks, Population population,
            Pairing pairing, int n, int experiments) {
        List<Scenario> scenarios = new ArrayList<>();
        for (StatisticalTest test : tests) {
            if (!TestTraits.takes(test, population)) {
                continue;
            }
            for (Check check : checks) {
                if (TestTraits.answers(test, check)) {
                    scenarios.add(new Scenario(test, check, population, pairing, n));
                }
            }
        }
        if (!scenarios.isEmpty()) {
            cells.add(new Cell(group, population, pairing, n, scenarios, experiments));
        }
    }
}
