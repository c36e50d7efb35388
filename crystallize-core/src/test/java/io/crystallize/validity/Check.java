package io.crystallize.validity;

import java.util.Locale;

/**
 * One property measured for one test on one population: a false-positive rate at the null
 * boundary, power at the minimal detectable effect the verdicts report, or coverage of the
 * reported 95% interval of the difference.
 */
enum Check {
    BETTER_FPR("better, A/A", Target.FALSE_POSITIVES),
    DIFFERENT_FPR("different, A/A", Target.FALSE_POSITIVES),
    FAMILY_FPR("better, family of 4 A/A treatments (Holm): any supported", Target.FALSE_POSITIVES),
    NON_INFERIORITY_FPR("not worse by more than m, true difference -m", Target.FALSE_POSITIVES),
    NON_INFERIORITY_RELATIVE_FPR("not worse by more than m% of baseline, true ratio 1 - m%", Target.FALSE_POSITIVES),
    EQUIVALENCE_FPR("equivalent within ±m, true difference +m", Target.FALSE_POSITIVES),
    EQUIVALENCE_RELATIVE_FPR("equivalent within ±m% of baseline, true ratio 1 + m%", Target.FALSE_POSITIVES),
    SUPERIORITY_MARGIN_FPR("better by at least m, true difference +m", Target.FALSE_POSITIVES),
    BETTER_POWER("better, true difference = reported MDE", Target.POWER),
    DIFFERENT_POWER("different, true difference = reported MDE", Target.POWER),
    FAMILY_POWER("better, family of 4 (Holm), one true difference = reported MDE", Target.POWER),
    COVERAGE_NULL("95% CI of the difference holds 0, A/A", Target.COVERAGE),
    COVERAGE_EFFECT("95% CI of the difference holds the true one, effect = MDE", Target.COVERAGE);

    private final String description;
    private final Target target;

    Check(String description, Target target) {
        this.description = description;
        this.target = target;
    }

    String description() {
        return description;
    }

    Target target() {
        return target;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Which of the three experiments of a design measures it. */
    Stage stage() {
        return switch (this) {
            case BETTER_FPR, DIFFERENT_FPR, FAMILY_FPR, COVERAGE_NULL -> Stage.NULL;
            case NON_INFERIORITY_FPR, NON_INFERIORITY_RELATIVE_FPR, EQUIVALENCE_FPR, EQUIVALENCE_RELATIVE_FPR,
                    SUPERIORITY_MARGIN_FPR -> Stage.MARGIN;
            case BETTER_POWER, DIFFERENT_POWER, FAMILY_POWER, COVERAGE_EFFECT -> Stage.EFFECT;
        };
    }

    /** The three experiments run per design: A/A, margin boundaries, planted effects. */
    enum Stage { NULL, MARGIN, EFFECT }
}
