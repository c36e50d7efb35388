package io.crystallize.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * False SUPPORTED rates of "not worse by more than 0.1" on a 0/1 metric whose true difference is
 * exactly −0.1 (baseline rate 0.2, treatment 0.1), shared seeds: the paired t-test (the default
 * before 0/1 metrics got their own tests) against the default now. Pairs drawn with common random
 * numbers (one uniform decides both conditions of a replicate) or independently. Prints a table;
 * run on demand:
 *
 * <pre>
 * mvn -o -pl crystallize-core test -Dtest=BinaryLevelSimulation -Dcrystallize.simulation=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "crystallize.simulation", matches = "true")
class BinaryLevelSimulation {

    private static final int EXPERIMENTS = Integer.getInteger("crystallize.simulation.experiments", 20_000);

    @Test
    void falseSupportedAtTheMargin() {
        Hypothesis byDefault = Hypothesis.on("ok").expect(Expectation.notWorseByMoreThan(0.1)).build();
        Hypothesis pairedT = Hypothesis.on("ok").expect(Expectation.notWorseByMoreThan(0.1))
                .verifier(Verifiers.pairedT()).build();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%d experiments per row%n| pairs | n | paired t | of which no variance | default now (test) |%n",
                EXPERIMENTS));
        for (boolean common : new boolean[] {true, false}) {
            for (int n : new int[] {10, 30}) {
                SplittableRandom random = new SplittableRandom(7L * n + (common ? 1 : 0));
                int tSupported = 0;
                int tNoVariance = 0;
                int supported = 0;
                String test = "";
                for (int e = 0; e < EXPERIMENTS; e++) {
                    double[] baseline = new double[n];
                    double[] treatment = new double[n];
                    for (int i = 0; i < n; i++) {
                        double u = random.nextDouble();
                        baseline[i] = u < 0.2 ? 1 : 0;
                        treatment[i] = (common ? u : random.nextDouble()) < 0.1 ? 1 : 0;
                    }
                    Evidence evidence = BinaryMetricsTest.evidence(baseline, treatment, true);
                    Verdict t = pairedT.evaluate(evidence, List.of("t")).verdicts().get(0);
                    if (t.isSupported()) {
                        tSupported++;
                        if (t.method().startsWith("no variance")) {
                            tNoVariance++;
                        }
                    }
                    Verdict v = byDefault.evaluate(evidence, List.of("t")).verdicts().get(0);
                    test = v.test();
                    if (v.isSupported()) {
                        supported++;
                    }
                }
                table.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f (%s) |%n",
                        common ? "common random numbers" : "independent draws", n, share(tSupported),
                        share(tNoVariance), share(supported), test));
            }
        }
        System.out.println(table);
        assertThat(table).contains("Tango score");
    }

    private static double share(int count) {
        return (double) count / EXPERIMENTS;
    }
}
