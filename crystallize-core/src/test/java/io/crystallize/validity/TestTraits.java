package io.crystallize.validity;

import io.crystallize.annotation.StatisticalTest;

/** What each built-in test is for, as its documentation states: which metrics and questions it takes. */
final class TestTraits {

    private TestTraits() {
    }

    /** Tests of 0/1 metrics take only 0/1 populations; every other test takes every population. */
    static boolean takes(StatisticalTest test, Population population) {
        return !forSuccesses(test) || population.binary();
    }

    /**
     * Tests of successes answer better / worse / different only; one-way ANOVA answers "any
     * difference among all conditions" only.
     */
    static boolean answers(StatisticalTest test, Check check) {
        if (test == StatisticalTest.ANOVA) {
            return check == Check.DIFFERENT_FPR;
        }
        if (forSuccesses(test)) {
            return check.stage() != Check.Stage.MARGIN;
        }
        return true;
    }

    static boolean forSuccesses(StatisticalTest test) {
        return switch (test) {
            case FISHER_EXACT, CHI_SQUARE, G_TEST, BINOMIAL -> true;
            default -> false;
        };
    }

    /** Tests that pair by replicate whatever the seeding. */
    static boolean pairs(StatisticalTest test) {
        return test == StatisticalTest.PAIRED_T || test == StatisticalTest.WILCOXON;
    }

    /**
     * Whether the verdict's difference is the difference of means (Mann-Whitney reports the
     * Hodges-Lehmann shift, which equals the planted effect only for a pure location shift).
     */
    static boolean reportsMeanDifference(StatisticalTest test) {
        return test != StatisticalTest.MANN_WHITNEY;
    }
}
