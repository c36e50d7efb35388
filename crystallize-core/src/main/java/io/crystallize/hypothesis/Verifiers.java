package io.crystallize.hypothesis;

import io.crystallize.stats.BootstrapMethod;
import io.crystallize.stats.PermutationTest;
import io.crystallize.stats.RankMethod;
import io.crystallize.stats.TwoSampleStatistic;
import io.crystallize.stats.ZeroMethod;
import java.util.Objects;

/**
 * The built-in verifiers, one factory per test. All compare treatment − baseline with the
 * alternative the hypothesis's expectation and direction give, check the data before testing (too
 * few or non-finite values, no variance, a level the test cannot reach → INCONCLUSIVE with the
 * reason; no variance in a metric declared deterministic → a verdict that follows the direction), and name their
 * method: test, alternative, exact or asymptotic, continuity correction, tie and zero handling, n.
 * Margins: the null difference of t-tests, a shift of the treatment's values for rank and
 * resampling tests; equivalence: two one-sided tests (TOST). Numerics: {@code io.crystallize.stats}.
 */
public final class Verifiers {

    /** Seed of Monte Carlo permutation and bootstrap verifiers unless given. */
    public static final long DEFAULT_SEED = 0x5EED_C0DEL;

    /** Bootstrap resamples unless given. */
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 9_999;

    private Verifiers() {
    }

    /**
     * The default test: paired t on the replicate-matched pairs when conditions share seeds (the
     * verdict says how many pairs), Welch's t otherwise. Equivalence uses TOST with the same choice.
     * A metric whose every value is 0 or 1 in every condition, or that the hypothesis declares 0/1,
     * gets {@link #binary()} instead (unless its margin is relative).
     */
    public static Verifier defaultTest() {
        return new TTestVerifier(TTestVerifier.Mode.AUTO);
    }

    /** Welch's unequal-variance t-test (TOST for equivalence). */
    public static Verifier welch() {
        return new TTestVerifier(TTestVerifier.Mode.WELCH);
    }

    /** Student's pooled-variance t-test (TOST for equivalence). */
    public static Verifier student() {
        return new TTestVerifier(TTestVerifier.Mode.STUDENT);
    }

    /** Paired t-test on replicate-matched differences (TOST for equivalence). */
    public static Verifier pairedT() {
        return new TTestVerifier(TTestVerifier.Mode.PAIRED);
    }

    /** Mann-Whitney U with SciPy's defaults: automatic exact/asymptotic choice, continuity correction. */
    public static Verifier mannWhitney() {
        return mannWhitney(RankMethod.AUTO, true);
    }

    /** Mann-Whitney U with a chosen p-value method and continuity correction of the asymptotic p. */
    public static Verifier mannWhitney(RankMethod method, boolean continuity) {
        return new MannWhitneyVerifier(Objects.requireNonNull(method, "method"), continuity);
    }

    /** Wilcoxon signed-rank on the paired differences, SciPy's defaults (zeros dropped: wilcox). */
    public static Verifier wilcoxon() {
        return wilcoxon(ZeroMethod.WILCOX);
    }

    /** Wilcoxon signed-rank with a zero handling (wilcox, pratt, zsplit), automatic method, no continuity correction. */
    public static Verifier wilcoxon(ZeroMethod zeroMethod) {
        return wilcoxon(zeroMethod, RankMethod.AUTO, false);
    }

    public static Verifier wilcoxon(ZeroMethod zeroMethod, RankMethod method, boolean continuity) {
        return new WilcoxonVerifier(Objects.requireNonNull(zeroMethod, "zeroMethod"),
                Objects.requireNonNull(method, "method"), continuity);
    }

    /** Two-sample Kolmogorov-Smirnov (its inverted alternative is mapped for you). */
    public static Verifier kolmogorovSmirnov() {
        return kolmogorovSmirnov(RankMethod.AUTO);
    }

    public static Verifier kolmogorovSmirnov(RankMethod method) {
        return new KolmogorovSmirnovVerifier(Objects.requireNonNull(method, "method"));
    }

    /** Fisher's exact test on the 2x2 successes table of a 0/1 metric. */
    public static Verifier fisherExact() {
        return new ContingencyVerifier(ContingencyVerifier.Kind.FISHER, false);
    }

    /** Pearson chi-square on the 2x2 successes table of a 0/1 metric, without Yates' correction. */
    public static Verifier chiSquare() {
        return chiSquare(false);
    }

    /** Pearson chi-square on the 2x2 successes table, with Yates' continuity correction when asked. */
    public static Verifier chiSquare(boolean yates) {
        return new ContingencyVerifier(ContingencyVerifier.Kind.CHI_SQUARE, yates);
    }

    /** G-test (log-likelihood ratio) on the 2x2 successes table of a 0/1 metric, without Yates. */
    public static Verifier gTest() {
        return gTest(false);
    }

    public static Verifier gTest(boolean yates) {
        return new ContingencyVerifier(ContingencyVerifier.Kind.G_TEST, yates);
    }

    /**
     * The tests for 0/1 metrics, on the difference of success rates, holding their level at any n:
     * with shared seeds the exact conditional McNemar test on the discordant pairs (no margin) or
     * Tango's score test (margins, equivalence); otherwise the Miettinen-Nurminen score test. Their
     * p-values are exact unconditional at small n (up to 100 pairs or 100 per side), asymptotic
     * beyond. When no outcome at this n could reach alpha the verdict is INCONCLUSIVE, naming the
     * discordant pairs or replicates needed. Values other than 0 and 1 are an ERROR, as are relative
     * margins and margins of 1 or more.
     */
    public static Verifier binary() {
        return new BinaryVerifier(BinaryVerifier.Reason.CHOSEN);
    }

    /** Exact binomial test of the treatment's successes against the baseline's observed rate (taken as known). */
    public static Verifier binomial() {
        return new BinomialVerifier();
    }

    /** One-way ANOVA across all conditions (expectation {@code different()}). */
    public static Verifier anova() {
        return new AnovaVerifier();
    }

    /** Permutation test of the difference of means (exact when small, else 9,999 seeded Monte Carlo splits). */
    public static Verifier permutation() {
        return new PermutationVerifier(TwoSampleStatistic.meanDifference(), BootstrapVerifier.MEAN_DIFFERENCE,
                PermutationTest.DEFAULT_RESAMPLES, DEFAULT_SEED, true);
    }

    /**
     * Permutation test of any statistic of (treatment, baseline), larger meaning "treatment greater".
     *
     * @param name shown in verdicts, e.g. "difference of medians"
     */
    public static Verifier permutation(TwoSampleStatistic statistic, String name, int resamples, long seed) {
        return new PermutationVerifier(Objects.requireNonNull(statistic, "statistic"), Objects.requireNonNull(name, "name"),
                resamples, seed, false);
    }

    /**
     * Bootstrap-t (studentized) interval of the difference of means, 9,999 resamples, the default
     * seed: of the bootstrap intervals it holds its level best in small samples of skewed data,
     * though not fully (at 10 per side about 7% false SUPPORTED where 5% is asked; its verdicts say so).
     */
    public static Verifier bootstrap() {
        return bootstrap(BootstrapMethod.STUDENTIZED);
    }

    public static Verifier bootstrap(BootstrapMethod method) {
        return bootstrap(method, TwoSampleStatistic.meanDifference(), BootstrapVerifier.MEAN_DIFFERENCE,
                DEFAULT_BOOTSTRAP_RESAMPLES, DEFAULT_SEED);
    }

    /** Bootstrap interval of any statistic of (treatment, baseline); margins are in the statistic's units. */
    public static Verifier bootstrap(BootstrapMethod method, TwoSampleStatistic statistic, String name, int resamples,
            long seed) {
        return new BootstrapVerifier(Objects.requireNonNull(method, "method"), Objects.requireNonNull(statistic,
                "statistic"), Objects.requireNonNull(name, "name"), resamples, seed);
    }
}
