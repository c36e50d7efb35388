package io.crystallize.hypothesis;

import java.util.Locale;

/**
 * What a hypothesis expects of a treatment compared with the baseline, in the metric's better
 * direction. Margins are in metric units, or in percent of the baseline mean when relative.
 */
public record Expectation(Kind kind, double margin, boolean relative) {

    /** The kinds of expectation. */
    public enum Kind {
        /** Treatment better than baseline (one-sided superiority). */
        BETTER,
        /** Treatment worse than baseline. */
        WORSE,
        /** Any difference (two-sided). */
        DIFFERENT,
        /** Better by at least the margin. */
        BETTER_BY_AT_LEAST,
        /** Not worse by more than the margin (non-inferiority). */
        NOT_WORSE_BY_MORE_THAN,
        /** Equivalent within ± the margin (TOST). */
        EQUIVALENT_WITHIN
    }

    public Expectation {
        if (kind == null) {
            throw new IllegalArgumentException("expectation kind is null");
        }
        boolean needsMargin = kind == Kind.BETTER_BY_AT_LEAST || kind == Kind.NOT_WORSE_BY_MORE_THAN
                || kind == Kind.EQUIVALENT_WITHIN;
        if (needsMargin && (!(margin >= 0) || Double.isInfinite(margin))) {
            throw new IllegalArgumentException("expectation " + kind + " needs a finite margin >= 0, got " + margin);
        }
        if (kind == Kind.EQUIVALENT_WITHIN && margin == 0) {
            throw new IllegalArgumentException("equivalence within a margin of 0 can never be shown: give a margin > 0");
        }
        if (!needsMargin) {
            margin = 0;
            relative = false;
        }
    }

    public static Expectation better() {
        return new Expectation(Kind.BETTER, 0, false);
    }

    public static Expectation worse() {
        return new Expectation(Kind.WORSE, 0, false);
    }

    public static Expectation different() {
        return new Expectation(Kind.DIFFERENT, 0, false);
    }

    public static Expectation betterByAtLeast(double margin) {
        return new Expectation(Kind.BETTER_BY_AT_LEAST, margin, false);
    }

    public static Expectation notWorseByMoreThan(double margin) {
        return new Expectation(Kind.NOT_WORSE_BY_MORE_THAN, margin, false);
    }

    public static Expectation equivalentWithin(double margin) {
        return new Expectation(Kind.EQUIVALENT_WITHIN, margin, false);
    }

    /** The same expectation with the margin read as percent of the baseline mean. */
    public Expectation asRelative() {
        return new Expectation(kind, margin, true);
    }

    /** The margin in metric units for a baseline mean. */
    public double absoluteMargin(double baselineMean) {
        return relative ? Math.abs(baselineMean) * margin / 100.0 : margin;
    }

    /**
     * The alternative of the one-sided or two-sided test on {@code treatment − baseline − shift}:
     * {@code "greater"}, {@code "less"} or {@code "two-sided"}.
     */
    public String alternative(Direction direction) {
        return switch (kind) {
            case BETTER, BETTER_BY_AT_LEAST, NOT_WORSE_BY_MORE_THAN -> direction.sign() > 0 ? "greater" : "less";
            case WORSE -> direction.sign() > 0 ? "less" : "greater";
            case DIFFERENT, EQUIVALENT_WITHIN -> "two-sided";
        };
    }

    /**
     * The null difference (treatment − baseline) the test is shifted by: for "better by at least
     * m" it is +m in the better direction, for non-inferiority −m.
     */
    public double nullDifference(Direction direction, double baselineMean) {
        double m = absoluteMargin(baselineMean);
        return switch (kind) {
            case BETTER_BY_AT_LEAST -> direction.sign() * m;
            case NOT_WORSE_BY_MORE_THAN -> -direction.sign() * m;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        String unit = relative ? "%" : "";
        return switch (kind) {
            case BETTER, WORSE, DIFFERENT -> kind.name().toLowerCase(Locale.ROOT);
            case BETTER_BY_AT_LEAST -> "better by at least " + margin + unit;
            case NOT_WORSE_BY_MORE_THAN -> "not worse by more than " + margin + unit;
            case EQUIVALENT_WITHIN -> "equivalent within ±" + margin + unit;
        };
    }
}
