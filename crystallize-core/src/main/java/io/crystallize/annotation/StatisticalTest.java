package io.crystallize.annotation;

import io.crystallize.hypothesis.Verifier;
import io.crystallize.hypothesis.Verifiers;

/** The built-in tests a {@link Hypothesis} can name. */
public enum StatisticalTest {
    /** {@link Verifiers#defaultTest()}: paired t when conditions share seeds, Welch otherwise. */
    DEFAULT,
    /** {@link Verifiers#welch()}. */
    WELCH,
    /** {@link Verifiers#pairedT()}. */
    PAIRED_T;

    /** The verifier running this test. */
    public Verifier verifier() {
        return switch (this) {
            case DEFAULT -> Verifiers.defaultTest();
            case WELCH -> Verifiers.welch();
            case PAIRED_T -> Verifiers.pairedT();
        };
    }
}
