package io.crystallize.hypothesis;

/** The built-in verifiers. */
public final class Verifiers {

    private Verifiers() {
    }

    /**
     * The default test: paired t on the replicate-matched pairs when conditions share seeds (the
     * verdict says how many pairs), Welch's t otherwise. Equivalence uses TOST with the same choice.
     */
    public static Verifier defaultTest() {
        return new TTestVerifier(TTestVerifier.Mode.AUTO);
    }

    /** Welch's unequal-variance t-test (TOST for equivalence). */
    public static Verifier welch() {
        return new TTestVerifier(TTestVerifier.Mode.WELCH);
    }

    /** Paired t-test on replicate-matched differences (TOST for equivalence). */
    public static Verifier pairedT() {
        return new TTestVerifier(TTestVerifier.Mode.PAIRED);
    }
}
