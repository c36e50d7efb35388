package io.crystallize.hypothesis;

/**
 * Decides a hypothesis for one metric and one treatment. Implementations return a verdict with
 * the raw p-value; the hypothesis then applies its multiple-comparison correction and decides
 * SUPPORTED / NOT_SUPPORTED from the adjusted p-value, unless the verdict is already INCONCLUSIVE
 * or ERROR. A verifier that throws makes that verdict an ERROR carrying the cause.
 */
@FunctionalInterface
public interface Verifier {

    Verdict verify(Samples samples, Question question);

    /** The test's name, shown in verdicts. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Whether the test compares all conditions at once (one-way ANOVA): its p-value is then the
     * same for every treatment, and the family corrected is the hypothesis's metrics only.
     */
    default boolean comparesAllConditions() {
        return false;
    }

    /**
     * What is asked of the samples.
     *
     * @param expectation   what the treatment should be, compared with the baseline
     * @param direction     which way the metric is better
     * @param alpha         the significance level
     * @param minimumEffect the smallest difference of interest in metric units (NaN when not
     *                      declared): messages then say how many replicates it needs
     * @param familySize    how many verdicts the multiple-comparison correction spans (for
     *                      verifiers that decide by an interval instead of a p-value)
     */
    record Question(Expectation expectation, Direction direction, double alpha, double minimumEffect,
            int familySize) {

        public Question(Expectation expectation, Direction direction, double alpha) {
            this(expectation, direction, alpha, Double.NaN, 1);
        }
    }
}
