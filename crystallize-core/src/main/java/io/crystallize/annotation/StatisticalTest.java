package io.crystallize.annotation;

import io.crystallize.hypothesis.Verifier;
import io.crystallize.hypothesis.Verifiers;

/** The built-in tests a {@link Hypothesis} can name; each maps to one of {@link Verifiers}. */
public enum StatisticalTest {
    /** {@link Verifiers#defaultTest()}: paired t when conditions share seeds, Welch otherwise. */
    DEFAULT,
    /** {@link Verifiers#welch()}: Welch's unequal-variance t-test. */
    WELCH,
    /** {@link Verifiers#student()}: Student's pooled-variance t-test. */
    STUDENT_T,
    /** {@link Verifiers#pairedT()}: paired t on replicate-matched differences. */
    PAIRED_T,
    /** {@link Verifiers#mannWhitney()}: Mann-Whitney U, a rank test for timings and skewed metrics. */
    MANN_WHITNEY,
    /** {@link Verifiers#wilcoxon()}: Wilcoxon signed-rank on replicate-matched differences. */
    WILCOXON,
    /** {@link Verifiers#kolmogorovSmirnov()}: two-sample Kolmogorov-Smirnov. */
    KOLMOGOROV_SMIRNOV,
    /** {@link Verifiers#fisherExact()}: Fisher's exact test on the successes of a 0/1 metric. */
    FISHER_EXACT,
    /** {@link Verifiers#chiSquare()}: chi-square on the successes table of a 0/1 metric. */
    CHI_SQUARE,
    /** {@link Verifiers#gTest()}: G-test on the successes table of a 0/1 metric. */
    G_TEST,
    /** {@link Verifiers#binomial()}: treatment successes against the baseline's observed rate. */
    BINOMIAL,
    /** {@link Verifiers#anova()}: one-way ANOVA across all conditions (expect DIFFERENT). */
    ANOVA,
    /** {@link Verifiers#permutation()}: permutation test on the difference of means. */
    PERMUTATION,
    /** {@link Verifiers#bootstrap()}: bootstrap-t confidence interval of the difference of means. */
    BOOTSTRAP;

    /** The verifier running this test. */
    public Verifier verifier() {
        return switch (this) {
            case DEFAULT -> Verifiers.defaultTest();
            case WELCH -> Verifiers.welch();
            case STUDENT_T -> Verifiers.student();
            case PAIRED_T -> Verifiers.pairedT();
            case MANN_WHITNEY -> Verifiers.mannWhitney();
            case WILCOXON -> Verifiers.wilcoxon();
            case KOLMOGOROV_SMIRNOV -> Verifiers.kolmogorovSmirnov();
            case FISHER_EXACT -> Verifiers.fisherExact();
            case CHI_SQUARE -> Verifiers.chiSquare();
            case G_TEST -> Verifiers.gTest();
            case BINOMIAL -> Verifiers.binomial();
            case ANOVA -> Verifiers.anova();
            case PERMUTATION -> Verifiers.permutation();
            case BOOTSTRAP -> Verifiers.bootstrap();
        };
    }
}
