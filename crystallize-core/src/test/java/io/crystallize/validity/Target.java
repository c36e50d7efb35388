package io.crystallize.validity;

/**
 * What a measured rate must be, with Monte-Carlo-aware bounds: the rate of R experiments is off
 * its true value by about one standard error sqrt(p(1 − p)/R), so each bound allows 3.5 of them.
 */
enum Target {
    /** At most alpha (INCONCLUSIVE counts as "not a false positive"). */
    FALSE_POSITIVES,
    /** 0.80 ± 0.04, widened to ± 3.5 SE when the run is too small for ± 0.04 to be measurable. */
    POWER,
    /** At least 95% of the reported 95% intervals hold the true difference. */
    COVERAGE;

    static final double ALLOWED_STANDARD_ERRORS = 3.5;
    static final double POWER_GOAL = 0.80;
    static final double POWER_TOLERANCE = 0.04;
    static final double CONFIDENCE = 0.95;

    /** The rate the target is about. */
    double nominal(double alpha) {
        return switch (this) {
            case FALSE_POSITIVES -> alpha;
            case POWER -> POWER_GOAL;
            case COVERAGE -> CONFIDENCE;
        };
    }

    /** The lowest passing rate for {@code trials} trials. */
    double lowerBound(double alpha, int trials) {
        return switch (this) {
            case FALSE_POSITIVES -> 0;
            case POWER -> POWER_GOAL - powerTolerance(trials);
            case COVERAGE -> CONFIDENCE - ALLOWED_STANDARD_ERRORS * standardError(CONFIDENCE, trials);
        };
    }

    /** The highest passing rate for {@code trials} trials. */
    double upperBound(double alpha, int trials) {
        return switch (this) {
            case FALSE_POSITIVES -> alpha + ALLOWED_STANDARD_ERRORS * standardError(alpha, trials);
            case POWER -> POWER_GOAL + powerTolerance(trials);
            case COVERAGE -> 1;
        };
    }

    private static double powerTolerance(int trials) {
        return Math.max(POWER_TOLERANCE, ALLOWED_STANDARD_ERRORS * standardError(POWER_GOAL, trials));
    }

    static double standardError(double p, int trials) {
        return Math.sqrt(p * (1 - p) / trials);
    }
}
