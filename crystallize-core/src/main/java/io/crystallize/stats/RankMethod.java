package io.crystallize.stats;

/** Requested p-value computation for the rank and distribution-free tests. */
public enum RankMethod {
    /** SciPy's automatic choice for the test (each test documents its rule). */
    AUTO,
    /** The exact null distribution. */
    EXACT,
    /** The large-sample approximation. */
    ASYMPTOTIC
}
