package io.crystallize.validity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crystallize.annotation.StatisticalTest;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The harness itself: its populations, its bounds, its judgement and its determinism. */
class ValidityHarnessTest {

    private static final Scenario SCENARIO = new Scenario(StatisticalTest.DEFAULT, Check.BETTER_FPR,
            Population.NORMAL, Pairing.SHARED_SEEDS, 10);

    @Test
    void t3QuantileMatchesTheDistributionsInverseCdfInBothTails() {
        TDistribution t3 = TDistribution.of(3);
        NormalDistribution normal = NormalDistribution.of(0, 1);
        for (double z = -7; z <= 7; z += 0.05) {
            double expected = z < 0 ? t3.inverseCumulativeProbability(normal.cumulativeProbability(z))
                    : t3.inverseSurvivalProbability(normal.survivalProbability(z));
            assertThat(Population.t3Quantile(z)).as("z = %s", z).isCloseTo(expected,
                    within(1e-9 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void populationsHaveTheirStatedMeanAndSdAndEffectsMoveTheMeanByExactlyTheEffect() {
        SplittableRandom random = new SplittableRandom(7);
        int draws = 200_000;
        double[] z = new double[draws];
        for (int i = 0; i < draws; i++) {
            z[i] = random.nextGaussian();
        }
        for (Population p : Population.values()) {
            double effect = p.binary() ? 0.1 * (1 - p.mean()) : 0.3;
            double sum = 0;
            double squares = 0;
            double moved = 0;
            for (double v : z) {
                double x = p.value(v, 0);
                sum += x;
                squares += x * x;
                moved += p.value(v, effect);
            }
            double mean = sum / draws;
            double sd = Math.sqrt(squares / draws - mean * mean);
            double standardError = Math.max(1e-12, p.sd() / Math.sqrt(draws));
            assertThat(mean).as(p.label() + " mean").isCloseTo(p.mean(), within(5 * standardError));
            // t(3) has no fourth moment and the log-normal's is huge: their sample SDs converge slowly
            boolean heavy = p == Population.STUDENT_T3 || p == Population.LOG_NORMAL;
            assertThat(sd).as(p.label() + " SD").isCloseTo(p.sd(), within(heavy ? 0.1 : 0.01));
            assertThat(moved / draws - mean).as(p.label() + " effect").isCloseTo(effect,
                    within(p.shiftsLocation() ? 1e-9 : 5 * Math.sqrt(p.variance(effect)) / Math.sqrt(draws)));
        }
    }

    @Test
    void simulatedSdOfPairedDifferencesMatchesTheNormalCase() {
        assertThat(Population.NORMAL.simulatedDifferenceSd(0.5)).isCloseTo(1.0, within(0.005));
        assertThat(Population.NORMAL.differenceSd(0.5)).isEqualTo(1.0, within(1e-12));
        assertThat(Population.EXPONENTIAL.differenceSd(0)).isEqualTo(Math.sqrt(2), within(1e-12));
    }

    @Test
    void effectAtTheMdeIsTheFixedPointOfTheStandardisingSd() {
        double shift = Population.NORMAL.effectAtMde(0.8, false, 0);
        assertThat(shift).isEqualTo(0.8, within(1e-12));
        double rate = Population.BINARY_20.effectAtMde(0.6, false, 0);
        double pooled = Math.sqrt((0.2 * 0.8 + (0.2 + rate) * (0.8 - rate)) / 2);
        assertThat(rate).isCloseTo(0.6 * pooled, within(1e-9));
        assertThat(Population.BINARY_50.effectAtMde(3, false, 0)).as("beyond a rate's range").isNaN();
    }

    @Test
    void falsePositiveBoundAllowsThreeAndAHalfMonteCarloStandardErrors() {
        // alpha + 3.5·sqrt(0.05·0.95/1000) = 0.0741
        assertThat(measured(Check.BETTER_FPR, 74, 1000).status()).isEqualTo(Measurement.Status.PASS);
        assertThat(measured(Check.BETTER_FPR, 75, 1000).status()).isEqualTo(Measurement.Status.FAIL);
    }

    @Test
    void powerBandIsFourPointsOrThreeAndAHalfStandardErrorsWhicheverIsWider() {
        // 1000 experiments: 3.5·sqrt(0.16/1000) = 0.0443 > 0.04
        assertThat(measured(Check.BETTER_POWER, 756, 1000).status()).isEqualTo(Measurement.Status.PASS);
        assertThat(measured(Check.BETTER_POWER, 755, 1000).status()).isEqualTo(Measurement.Status.FAIL);
        assertThat(measured(Check.BETTER_POWER, 845, 1000).status()).isEqualTo(Measurement.Status.FAIL);
        // 10,000 experiments: the band is ± 0.04
        assertThat(measured(Check.BETTER_POWER, 7_610, 10_000).status()).isEqualTo(Measurement.Status.PASS);
        assertThat(measured(Check.BETTER_POWER, 7_590, 10_000).status()).isEqualTo(Measurement.Status.FAIL);
    }

    @Test
    void coverageBoundAndErrorsAndUnmeasuredScenarios() {
        // 0.95 − 3.5·sqrt(0.95·0.05/1000) = 0.9259
        assertThat(measured(Check.COVERAGE_NULL, 926, 1000).status()).isEqualTo(Measurement.Status.PASS);
        assertThat(measured(Check.COVERAGE_NULL, 925, 1000).status()).isEqualTo(Measurement.Status.FAIL);
        Measurement withError = new Measurement(SCENARIO, 0.05, 1000, 1000, 0, 0, 1, "ERROR: boom");
        assertThat(withError.status()).isEqualTo(Measurement.Status.FAIL);
        assertThat(Measurement.notMeasured(SCENARIO, 0.05, "why").status()).isEqualTo(Measurement.Status.NOT_MEASURED);
    }

    @Test
    void knownFailuresAreSkippedAndFailOnceTheyPass() {
        Measurement failing = measured(Check.BETTER_FPR, 200, 1000);
        Measurement passing = measured(Check.BETTER_FPR, 50, 1000);
        Set<String> known = Set.of(SCENARIO.id());
        assertThatThrownBy(() -> ValidityTest.judge(failing, Set.of())).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(SCENARIO.id()).hasMessageContaining("0.200");
        assertThatThrownBy(() -> ValidityTest.judge(failing, known)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("known failure");
        assertThatThrownBy(() -> ValidityTest.judge(passing, known)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("now passes: remove from known failures");
        ValidityTest.judge(passing, Set.of());
    }

    @Test
    void sameGridGivesTheSameNumbersOnOneThreadOrTwo() {
        Grid grid = Grid.smallForTests();
        List<Measurement> serial = ValidityRun.measure(grid, 1);
        assertThat(ValidityRun.measure(grid, 1)).isEqualTo(serial);
        assertThat(ValidityRun.measure(grid, 2)).isEqualTo(serial);
        assertThat(serial).allSatisfy(m -> assertThat(m.experiments()).isEqualTo(30));
    }

    private static Measurement measured(Check check, int hits, int trials) {
        Scenario s = new Scenario(SCENARIO.test(), check, SCENARIO.population(), SCENARIO.pairing(), SCENARIO.n());
        return new Measurement(s, 0.05, trials, trials, hits, 0, 0, "");
    }
}
