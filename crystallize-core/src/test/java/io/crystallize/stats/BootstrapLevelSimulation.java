package io.crystallize.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How well each bootstrap interval of a difference of means holds its level on skewed data: seeded
 * experiments of exponential values, n per side, the verifiers' resamples (9,999) and seed. Prints a
 * table; run on demand (about a minute of CPU):
 *
 * <pre>
 * mvn -o -pl crystallize-core test -Dtest=BootstrapLevelSimulation -Dcrystallize.simulation=true
 * </pre>
 *
 * <ul>
 *   <li>false SUPPORTED: both sides exponential with mean 1; "better" at alpha 0.05 is SUPPORTED when
 *       the 90% interval's lower end lies above 0 (as the bootstrap verifier decides);</li>
 *   <li>coverage: how often the 95% interval holds the true difference, with equal means (0) and with
 *       the treatment's mean twice the baseline's (1), where skewness no longer cancels; with the
 *       share of misses above and below.</li>
 * </ul>
 */
@EnabledIfSystemProperty(named = "crystallize.simulation", matches = "true")
class BootstrapLevelSimulation {

    private static final int EXPERIMENTS = Integer.getInteger("crystallize.simulation.experiments", 2000);
    private static final int RESAMPLES = 9_999;
    private static final long BOOTSTRAP_SEED = 0x5EED_C0DEL;

    @Test
    void levelAndCoverageOfEachMethod() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%d experiments per row, %d resamples%n| n per side | method | false SUPPORTED (0.05) | "
                        + "coverage 95%%, equal means | coverage 95%%, means 2 vs 1 (misses low / high) |%n",
                EXPERIMENTS, RESAMPLES));
        for (int n : new int[] {10, 30}) {
            BootstrapMethod[] methods = BootstrapMethod.values();
            int[] falseSupported = new int[methods.length];
            int[] coveredNull = new int[methods.length];
            int[] coveredShift = new int[methods.length];
            int[] missLow = new int[methods.length];
            int[] missHigh = new int[methods.length];
            SplittableRandom random = new SplittableRandom(20261127L + n);
            for (int e = 0; e < EXPERIMENTS; e++) {
                double[] baseline = exponential(random, n, 1);
                double[] same = exponential(random, n, 1);
                double[] doubled = exponential(random, n, 2);
                Resampling underNull = Resampling.of(same, baseline, TwoSampleStatistic.meanDifference(), true,
                        RESAMPLES, BOOTSTRAP_SEED, 1);
                Resampling shifted = Resampling.of(doubled, baseline, TwoSampleStatistic.meanDifference(), true,
                        RESAMPLES, BOOTSTRAP_SEED, 1);
                for (int m = 0; m < methods.length; m++) {
                    if (underNull.interval(methods[m], 0.90).lower() > 0) {
                        falseSupported[m]++;
                    }
                    if (underNull.interval(methods[m], 0.95).contains(0)) {
                        coveredNull[m]++;
                    }
                    Interval ci = shifted.interval(methods[m], 0.95);
                    if (ci.contains(1)) {
                        coveredShift[m]++;
                    } else if (ci.upper() < 1) {
                        missLow[m]++;
                    } else {
                        missHigh[m]++;
                    }
                }
            }
            for (int m = 0; m < methods.length; m++) {
                table.append(String.format(Locale.ROOT, "| %d | %s | %.4f | %.4f | %.4f (%.4f / %.4f) |%n", n,
                        methods[m], share(falseSupported[m]), share(coveredNull[m]), share(coveredShift[m]),
                        share(missLow[m]), share(missHigh[m])));
            }
        }
        System.out.println(table);
        assertThat(table).contains("STUDENTIZED");
    }

    private static double share(int count) {
        return (double) count / EXPERIMENTS;
    }

    private static double[] exponential(SplittableRandom random, int n, double mean) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = -mean * Math.log(1 - random.nextDouble());
        }
        return v;
    }
}
