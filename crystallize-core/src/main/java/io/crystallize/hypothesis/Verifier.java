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
     * @param correction    the multiple-comparison correction over the family
     * @param deterministic whether the metric is declared deterministic: without any variance the
     *                      verdict then follows the direction instead of being INCONCLUSIVE
     */
    record Question(Expectation expectation, Direction direction, double alpha, double minimumEffect,
            int familySize, Correction correction, boolean deterministic) {

        public Question {
            if (correction == null) {
                throw new IllegalArgumentException("correction is null: use Correction.NONE for none");
            }
        }

        /** A question of a family of one, nothing declared. */
        public Question(Expectation expectation, Direction direction, double alpha) {
            this(expectation, direction, alpha, Double.NaN, 1);
        }

        /** A question corrected by Holm over a family of {@code familySize}, its metric not declared deterministic. */
        public Question(Expectation expectation, Direction direction, double alpha, double minimumEffect,
                int familySize) {
            this(expectation, direction, alpha, minimumEffect, familySize, Correction.HOLM, false);
        }

        /**
         * The level at which the family's correction is sure to reject this verdict when its
         * p-value is below it, whatever the rest of the family: alpha / family size for Bonferroni
         * and Holm (Holm rejects at least what Bonferroni does) and for Benjamini-Hochberg (its
         * level when this verdict holds the family's only effect); alpha without a correction or
         * in a family of one. Minimal detectable effects and replicates needed are computed at
         * this level, so that their 80% power holds for the hypothesis as configured.
         */
        public double familyLevel() {
            return correction == Correction.NONE || familySize <= 1 ? alpha : alpha / familySize;
        }

        /**
         * The level a verdict's p-value must beat to be SUPPORTED when every verdict of the family
         * is like this one (the same test on as many values): alpha / family size for Bonferroni
         * and Holm (the smallest adjusted p-value is the family size times the smallest p-value),
         * alpha for Benjamini-Hochberg (equal p-values keep their value) and without a correction.
         */
        public double reachLevel() {
            return correction == Correction.BONFERRONI || correction == Correction.HOLM ? familyLevel() : alpha;
        }

        /** How {@link #familyLevel()} came about, e.g. "0.0125 = alpha 0.05 / 4 verdicts (Holm, ...)"; "alpha 0.05" in a family of one. */
        String familyLevelText() {
            if (familyLevel() == alpha) {
                return "alpha " + Outcomes.trimmed(alpha);
            }
            return levelText(familyLevel(), switch (correction) {
                case HOLM -> "Holm, at its first step, the Bonferroni level: conservative";
                case BENJAMINI_HOCHBERG -> "Benjamini-Hochberg, at its level for a family with one effect: conservative";
                default -> correction.label();
            });
        }

        /** How {@link #reachLevel()} came about. */
        String reachLevelText() {
            if (reachLevel() == alpha) {
                return "alpha " + Outcomes.trimmed(alpha);
            }
            return levelText(reachLevel(), correction.label() + ": the smallest adjusted p-value is " + familySize
                    + " × the smallest p-value of the family");
        }

        private String levelText(double level, String why) {
            return Outcomes.p(level) + " = alpha " + Outcomes.trimmed(alpha) + " / " + familySize + " verdicts (" + why + ")";
        }
    }
}
