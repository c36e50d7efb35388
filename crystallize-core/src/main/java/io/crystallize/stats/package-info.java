/**
 * Pure statistics for Crystallize verdicts, numerically matching SciPy 1.17 (relative 1e-9 on the
 * project's reference vectors). Public so that custom verifiers can reuse the kernels; the signatures
 * may still change between minor releases.
 *
 * <p>Tests return {@link io.crystallize.stats.TestResult} (statistic, p-value, df, n per side,
 * method description and, for t-tests, the two-sided 95% CI of the difference):
 * {@link io.crystallize.stats.TTests}, {@link io.crystallize.stats.Equivalence} (TOST),
 * {@link io.crystallize.stats.MannWhitney}, {@link io.crystallize.stats.WilcoxonSignedRank},
 * {@link io.crystallize.stats.KolmogorovSmirnov} (mind its inverted direction),
 * {@link io.crystallize.stats.ContingencyTests}, {@link io.crystallize.stats.GoodnessOfFit},
 * {@link io.crystallize.stats.Binomial}, {@link io.crystallize.stats.Anova},
 * {@link io.crystallize.stats.PermutationTest}; for differences of 0/1 rates
 * {@link io.crystallize.stats.PairedProportions} (McNemar exact, Tango score) and
 * {@link io.crystallize.stats.IndependentProportions} (Miettinen-Nurminen score), exact
 * unconditional at small n (checked against {@code reference/binary-vectors.json} in the tests).
 * Alternatives are about x relative to y.
 * Effect sizes and intervals: {@link io.crystallize.stats.EffectSizes},
 * {@link io.crystallize.stats.HodgesLehmann}, {@link io.crystallize.stats.Bootstrap}. A t-test and
 * the effect sizes of the same samples share one summary of them:
 * {@link io.crystallize.stats.IndependentMeans}, {@link io.crystallize.stats.PairedMeans}.
 * Adjustment: {@link io.crystallize.stats.MultipleComparisons}. Design figures:
 * {@link io.crystallize.stats.Power}.
 *
 * <p>Apache Commons Statistics 1.2 is the kernel for distributions, t, ANOVA, goodness of fit and
 * Mann-Whitney without ties; Wilcoxon, Kolmogorov-Smirnov, Fisher's two-sided p, the two-sided
 * binomial, chi-square/G independence (Yates), the noncentral t and exact Mann-Whitney with ties are
 * written here because the library's behaviour differs from SciPy's there. Inputs are never
 * modified; {@code -0.0} and {@code 0.0} are the same value.
 *
 * <p>Depends on nothing else of Crystallize.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package io.crystallize.stats;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
