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

    /** What is asked of the samples: expectation, direction and alpha. */
    record Question(Expectation expectation, Direction direction, double alpha) {
    }
}
