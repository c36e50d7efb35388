package io.crystallize.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.MannWhitney;
import io.crystallize.stats.Power;
import io.crystallize.stats.RankMethod;
import io.crystallize.stats.TTests;
import io.crystallize.stats.WilcoxonSignedRank;
import io.crystallize.stats.ZeroMethod;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Alternatives, margins, the DESIGN §3.4 checks, design figures and properties of verdicts. */
class VerdictSemanticsTest {

    static final double[] BASE = VerifiersAgainstStatsTest.BASE;
    /** Clearly larger than BASE (by about 0.64). */
    static final double[] HIGH = VerifiersAgainstStatsTest.TREAT;

    static Verifier.Question q(Expectation e, Direction d) {
        return new Verifier.Question(e, d, 0.05);
    }

    static Stream<Arguments> twoSampleVerifiers() {
        return Stream.of(Verifiers.defaultTest(), Verifiers.welch(), Verifiers.student(), Verifiers.pairedT(),
                Verifiers.mannWhitney(), Verifiers.wilcoxon(), Verifiers.kolmogorovSmirnov(), Verifiers.permutation(),
                Verifiers.bootstrap(io.crystallize.stats.BootstrapMethod.BCA,
                        io.crystallize.stats.TwoSampleStatistic.meanDifference(), "difference of means", 999, 1))
                .map(Arguments::of);
    }

    /** A treatment with higher values: which expectations hold, for each direction. */
    @ParameterizedTest
    @MethodSource("twoSampleVerifiers")
    void everyKindAndDirectionMapsToTheRightAlternative(Verifier verifier) {
        Samples s = Samples.paired("m", "t", BASE, HIGH);
        Direction up = Direction.HIGHER_IS_BETTER;
        Direction down = Direction.LOWER_IS_BETTER;
        expect(verifier, s, Expectation.better(), up, Verdict.Status.SUPPORTED, "greater");
        expect(verifier, s, Expectation.worse(), up, Verdict.Status.NOT_SUPPORTED, "less");
        expect(verifier, s, Expectation.better(), down, Verdict.Status.NOT_SUPPORTED, "less");
        expect(verifier, s, Expectation.worse(), down, Verdict.Status.SUPPORTED, "greater");
        expect(verifier, s, Expectation.different(), up, Verdict.Status.SUPPORTED, "two-sided");
        expect(verifier, s, Expectation.different(), down, Verdict.Status.SUPPORTED, "two-sided");
        // the shift is about 0.64: better by at least 0.05 holds, by at least 3 does not
        expect(verifier, s, Expectation.betterByAtLeast(0.05), up, Verdict.Status.SUPPORTED, "greater");
        expect(verifier, s, Expectation.betterByAtLeast(3), up, Verdict.Status.NOT_SUPPORTED, "greater");
        // lower is better: the treatment is worse by ~0.64; not worse by more than 3 holds, by 0.05 does not
        expect(verifier, s, Expectation.notWorseByMoreThan(3), down, Verdict.Status.SUPPORTED, "less");
        expect(verifier, s, Expectation.notWorseByMoreThan(0.05), down, Verdict.Status.NOT_SUPPORTED, "less");
        expect(verifier, s, Expectation.equivalentWithin(4), up, Verdict.Status.SUPPORTED, "equivalence");
        expect(verifier, s, Expectation.equivalentWithin(0.1), up, Verdict.Status.NOT_SUPPORTED, "equivalence");
    }

    private static void expect(Verifier verifier, Samples s, Expectation e, Direction d, Verdict.Status status,
            String alternative) {
        Verdict v = verifier.verify(s, q(e, d));
        assertThat(v.status()).as(verifier.name() + " " + e + " " + d + ": " + v.message()).isEqualTo(status);
        assertThat(v.alternative()).as(verifier.name() + " " + e + " " + d).isEqualTo(alternative);
    }

    @Test
    void marginsAreNullDifferencesOfTTests() {
        Samples s = Samples.of("m", "t", BASE, HIGH);
        Verdict nonInferior = Verifiers.welch().verify(s, q(Expectation.notWorseByMoreThan(0.3), Direction.HIGHER_IS_BETTER));
        assertThat(nonInferior.pValue()).isEqualTo(TTests.welch(HIGH, BASE, Alternative.GREATER, -0.3).pValue());
        assertThat(nonInferior.method()).contains("treatment − baseline > -0.3000 (non-inferiority margin 0.3000)");
        Verdict superior = Verifiers.welch().verify(s, q(Expectation.betterByAtLeast(0.3), Direction.HIGHER_IS_BETTER));
        assertThat(superior.pValue()).isEqualTo(TTests.welch(HIGH, BASE, Alternative.GREATER, 0.3).pValue());
        Verdict lowerBetter = Verifiers.welch().verify(s, q(Expectation.notWorseByMoreThan(0.3), Direction.LOWER_IS_BETTER));
        assertThat(lowerBetter.pValue()).isEqualTo(TTests.welch(HIGH, BASE, Alternative.LESS, 0.3).pValue());
        // relative: 5% of the baseline mean, tested as a ratio: treatment vs 1.05 × baseline (the
        // baseline's uncertainty in the statistic), not a shift of 5% of the observed mean taken as known
        Verdict relative = Verifiers.welch().verify(s,
                q(Expectation.betterByAtLeast(5).asRelative(), Direction.HIGHER_IS_BETTER));
        assertThat(relative.pValue()).isCloseTo(
                TTests.welch(HIGH, scaled(BASE, 1.05), Alternative.GREATER, 0).pValue(), within(1e-12));
        assertThat(relative.method()).contains("treatment − 1.05 × baseline > 0", "5% of the baseline mean",
                "tested as a ratio");
    }

    @Test
    void marginsShiftTheTreatmentForRankTests() {
        Samples s = Samples.paired("m", "t", BASE, HIGH);
        double[] shifted = new double[HIGH.length];
        java.util.Arrays.setAll(shifted, i -> HIGH[i] + 0.3);
        Verdict mw = Verifiers.mannWhitney().verify(s, q(Expectation.notWorseByMoreThan(0.3), Direction.HIGHER_IS_BETTER));
        assertThat(mw.pValue()).isEqualTo(MannWhitney.test(shifted, BASE, Alternative.GREATER).pValue());
        assertThat(mw.method()).contains("shifting the treatment's values by +0.3000");
        Verdict w = Verifiers.wilcoxon().verify(s, q(Expectation.notWorseByMoreThan(0.3), Direction.HIGHER_IS_BETTER));
        assertThat(w.pValue()).isEqualTo(WilcoxonSignedRank.paired(shifted, BASE, Alternative.GREATER,
                ZeroMethod.WILCOX, RankMethod.AUTO, false).pValue());
    }

    @Test
    void tooFewValuesIsInconclusiveWithReplicatesNeeded() {
        double[] one = {10.5};
        Verifier.Question plain = q(Expectation.better(), Direction.HIGHER_IS_BETTER);
        Verdict v = Verifiers.welch().verify(Samples.of("m", "t", BASE, one), plain);
        assertThat(v.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.message()).isEqualTo("m: t — INCONCLUSIVE: too few values (baseline 8, t 1; need at least 2 per side)"
                + ": run more replicates");
        Verifier.Question withEffect = new Verifier.Question(Expectation.better(), Direction.HIGHER_IS_BETTER, 0.05, 0.2, 1);
        Verdict hinted = Verifiers.welch().verify(Samples.of("m", "t", BASE, one), withEffect);
        double sd = Math.sqrt(variance(BASE));
        int n = Power.nPerSideStudentT(0.2 / sd, 0.05, Alternative.GREATER, 0.8);
        assertThat(hinted.message()).contains("a minimum effect of 0.2000 needs about " + n
                + " replicates per side for 80% power at alpha 0.05");
        Verdict pairs = Verifiers.pairedT().verify(new Samples("m", "t", BASE, new int[] {0, 1, 2, 3, 4, 5, 6, 7},
                new double[] {10, 11}, new int[] {0, 9}, true), plain);
        assertThat(pairs.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(pairs.message()).contains("too few replicate-matched pairs (1; need at least 2");
    }

    @Test
    void nonFiniteValuesAreInconclusive() {
        double[] withNaN = HIGH.clone();
        withNaN[3] = Double.NaN;
        Verifier.Question withEffect = new Verifier.Question(Expectation.better(), Direction.HIGHER_IS_BETTER, 0.05, 0.2, 1);
        Verdict v = Verifiers.pairedT().verify(Samples.paired("m", "t", BASE, withNaN), withEffect);
        assertThat(v.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.message()).contains("t has 1 non-finite value (e.g. NaN)", "replicate-matched pairs for 80% power",
                "of the differences");
        Verdict inf = Verifiers.mannWhitney().verify(Samples.of("m", "t", new double[] {1, Double.POSITIVE_INFINITY}, HIGH),
                q(Expectation.better(), Direction.HIGHER_IS_BETTER));
        assertThat(inf.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(inf.message()).contains("baseline has 1 non-finite value (e.g. Infinity)");
    }

    @Test
    void noVarianceGivesADeterministicVerdictWhenTheMetricIsDeclaredDeterministic() {
        double[] five = {5, 5, 5, 5};
        double[] six = {6, 6, 6, 6};
        for (Verifier verifier : List.of(Verifiers.welch(), Verifiers.mannWhitney(), Verifiers.fisherExact())) {
            Samples s = verifier.name().startsWith("Fisher") ? Samples.of("m", "t", new double[] {0, 0, 0},
                    new double[] {1, 1, 1}) : Samples.of("m", "t", five, six);
            Verdict better = verifier.verify(s, declared(Expectation.better(), Direction.HIGHER_IS_BETTER));
            assertThat(better.status()).as(verifier.name()).isEqualTo(Verdict.Status.SUPPORTED);
            assertThat(better.pValue()).isZero();
            assertThat(better.message()).contains("no variance");
            Verdict worse = verifier.verify(s, declared(Expectation.better(), Direction.LOWER_IS_BETTER));
            assertThat(worse.status()).isEqualTo(Verdict.Status.NOT_SUPPORTED);
            assertThat(worse.pValue()).isEqualTo(1);
        }
        // constant paired differences (within 1e-12 relative), though each side varies
        double[] b = {1, 2, 3, 4};
        double[] t = {1.5, 2.5, 3.5, 4.5 + 1e-15};
        Verdict paired = Verifiers.pairedT().verify(Samples.paired("m", "t", b, t),
                declared(Expectation.betterByAtLeast(0.4), Direction.HIGHER_IS_BETTER));
        assertThat(paired.status()).isEqualTo(Verdict.Status.SUPPORTED);
        assertThat(paired.method()).startsWith("no variance in the paired differences");
        Verdict tooMuch = Verifiers.pairedT().verify(Samples.paired("m", "t", b, t),
                declared(Expectation.betterByAtLeast(0.6), Direction.HIGHER_IS_BETTER));
        assertThat(tooMuch.status()).isEqualTo(Verdict.Status.NOT_SUPPORTED);
        // undeclared, the same constant differences cannot tell a deterministic effect from chance
        Verdict undeclared = Verifiers.pairedT().verify(Samples.paired("m", "t", b, t),
                q(Expectation.betterByAtLeast(0.4), Direction.HIGHER_IS_BETTER));
        assertThat(undeclared.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(undeclared.message()).contains("cannot tell a deterministic effect from chance");
    }

    static Verifier.Question declared(Expectation e, Direction d) {
        return new Verifier.Question(e, d, 0.05, Double.NaN, 1, Correction.HOLM, true);
    }

    @Test
    void mdeIsPowersForThatNAndTest() {
        Verifier.Question better = q(Expectation.better(), Direction.HIGHER_IS_BETTER);
        Verdict welch = Verifiers.welch().verify(Samples.of("m", "t", BASE, HIGH), better);
        double d = Power.mdeStudentT(8, 0.05, Alternative.GREATER, 0.8);
        double pooled = Math.sqrt((variance(BASE) + variance(HIGH)) / 2);
        assertThat(welch.mdeStandardized()).isCloseTo(d, within(1e-9 * d));
        assertThat(welch.mde()).isCloseTo(d * pooled, within(1e-9 * d * pooled));
        Verdict paired = Verifiers.pairedT().verify(Samples.paired("m", "t", BASE, HIGH),
                new Verifier.Question(Expectation.different(), Direction.HIGHER_IS_BETTER, 0.01));
        double dz = Power.mdePairedT(8, 0.01, Alternative.TWO_SIDED, 0.8);
        assertThat(paired.mdeStandardized()).isCloseTo(dz, within(1e-9 * dz));
        double[] diff = new double[8];
        java.util.Arrays.setAll(diff, i -> HIGH[i] - BASE[i]);
        assertThat(paired.mde()).isCloseTo(dz * Math.sqrt(variance(diff)), within(1e-9));
        Verdict mw = Verifiers.mannWhitney().verify(Samples.of("m", "t", BASE, HIGH), better);
        double mwd = Power.mdeMannWhitney(8, 0.05, Alternative.GREATER, 0.8);
        assertThat(mw.mdeStandardized()).isCloseTo(mwd, within(1e-9 * mwd));
        Verdict wilcoxon = Verifiers.wilcoxon().verify(Samples.paired("m", "t", BASE, HIGH), better);
        double wd = Power.mdeWilcoxon(8, 0.05, Alternative.GREATER, 0.8);
        assertThat(wilcoxon.mdeStandardized()).isCloseTo(wd, within(1e-9 * wd));
        // large n and both sidednesses, against Power's bisection
        for (int n : new int[] {2, 3, 30, 1000}) {
            for (Alternative alt : Alternative.values()) {
                double expected = Power.mdePairedT(n, 0.05, alt, 0.8);
                assertThat(Design.PAIRED_T.mdeStandardized(n, n, 0.05, alt)).isCloseTo(expected, within(1e-9 * expected));
                double two = Power.mdeStudentT(n, 0.01, alt, 0.8);
                assertThat(Design.TWO_SAMPLE_T.mdeStandardized(n, n, 0.01, alt)).isCloseTo(two, within(1e-9 * two));
            }
        }
        Verdict ks = Verifiers.kolmogorovSmirnov().verify(Samples.of("m", "t", BASE, HIGH), better);
        assertThat(ks.mde()).isNaN();
    }

    @Test
    void testedMessagesSayWhatAMinimumEffectNeeds() {
        Verifier.Question withEffect = new Verifier.Question(Expectation.better(), Direction.HIGHER_IS_BETTER, 0.05, 0.1, 1);
        Verdict v = Verifiers.pairedT().verify(Samples.paired("m", "t", BASE, HIGH), withEffect);
        double[] diff = new double[8];
        java.util.Arrays.setAll(diff, i -> HIGH[i] - BASE[i]);
        int n = Power.nPairsPairedT(0.1 / Math.sqrt(variance(diff)), 0.05, Alternative.GREATER, 0.8);
        assertThat(v.message()).contains("paired t p=", "— SUPPORTED; a minimum effect of 0.1000 needs about " + n
                + " replicate-matched pairs", "have 8 pairs");
    }

    @Test
    void identicalSamplesAreNeverSupportedForSuperiority() {
        Random random = new Random(3);
        for (int trial = 0; trial < 10; trial++) {
            int n = 3 + random.nextInt(20);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextGaussian() * (1 + trial);
            }
            for (Arguments a : twoSampleVerifiers().toList()) {
                Verifier verifier = (Verifier) a.get()[0];
                for (Direction d : Direction.values()) {
                    for (Samples s : List.of(Samples.of("m", "t", x, x.clone()), Samples.paired("m", "t", x, x.clone()))) {
                        Verdict v = verifier.verify(s, q(Expectation.better(), d));
                        assertThat(v.status()).as(verifier.name() + " n=" + n).isNotEqualTo(Verdict.Status.SUPPORTED);
                        Verdict by = verifier.verify(s, q(Expectation.betterByAtLeast(0.01), d));
                        assertThat(by.status()).as(verifier.name()).isNotEqualTo(Verdict.Status.SUPPORTED);
                    }
                }
            }
        }
    }

    @Test
    void swappingBaselineAndTreatmentFlipsOneSidedResults() {
        Random random = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 4 + random.nextInt(15);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextGaussian();
                y[i] = random.nextGaussian() + 0.3;
            }
            for (Arguments a : twoSampleVerifiers().toList()) {
                Verifier verifier = (Verifier) a.get()[0];
                if (verifier.name().startsWith("bootstrap") || verifier.name().startsWith("permutation") && n > 8) {
                    continue; // resamples differ when the sides swap (exact permutation p is symmetric)
                }
                Verdict forward = verifier.verify(Samples.paired("m", "t", x, y), q(Expectation.better(), Direction.HIGHER_IS_BETTER));
                Verdict swapped = verifier.verify(Samples.paired("m", "t", y, x), q(Expectation.worse(), Direction.HIGHER_IS_BETTER));
                assertThat(swapped.pValue()).as(verifier.name()).isCloseTo(forward.pValue(), within(1e-12));
                Verdict flipped = verifier.verify(Samples.paired("m", "t", y, x),
                        q(Expectation.better(), Direction.HIGHER_IS_BETTER));
                if (!verifier.name().startsWith("permutation") && !verifier.name().startsWith("Kolmogorov")) {
                    assertThat(flipped.pValue() + forward.pValue()).as(verifier.name()).isGreaterThanOrEqualTo(1 - 1e-12);
                }
            }
        }
    }

    static double[] scaled(double[] x, double factor) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = factor * x[i];
        }
        return y;
    }

    static double variance(double[] x) {
        return Outcomes.variance(x, Outcomes.mean(x));
    }
}
