package io.crystallize.stats;

/**
 * How a test computed its p-value, for verdict messages: exact or asymptotic, continuity
 * correction, how ties and zeros were handled, and a one-line human-readable description.
 *
 * @param computation exact, asymptotic or Monte Carlo
 * @param continuityCorrection whether a continuity correction was applied
 * @param tieHandling how tied values were treated ("not applicable" for tests on raw values)
 * @param zeroHandling how zero differences were treated ("not applicable" except signed-rank tests)
 * @param description e.g. "Mann-Whitney U, asymptotic normal, tie-corrected variance, continuity correction"
 */
public record TestMethod(
        Computation computation,
        boolean continuityCorrection,
        String tieHandling,
        String zeroHandling,
        String description) {

    static final String NOT_APPLICABLE = "not applicable";

    static TestMethod parametric(Computation computation, String description) {
        return new TestMethod(computation, false, NOT_APPLICABLE, NOT_APPLICABLE, description);
    }

    @Override
    public String toString() {
        return description;
    }
}
