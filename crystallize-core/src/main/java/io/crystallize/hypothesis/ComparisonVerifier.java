package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.EquivalenceResult;
import io.crystallize.stats.Interval;
import io.crystallize.stats.MeanDifference;
import io.crystallize.stats.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The steps every built-in treatment-vs-baseline verifier takes, in order: too few values →
 * INCONCLUSIVE; non-finite values → INCONCLUSIVE; test-specific validation (e.g. 0/1 values) →
 * ERROR; no variance → the deterministic verdict when the metric is declared deterministic, else
 * INCONCLUSIVE (such data cannot tell a deterministic effect from chance); a relative margin on a
 * baseline mean not clearly away from zero → INCONCLUSIVE; a test that cannot reach the level at
 * this n → INCONCLUSIVE naming the n it needs; otherwise effect sizes, the test (or TOST for
 * equivalence), the method string and the design figures. The raw p-value decides the status; the
 * hypothesis's correction then re-decides it from the adjusted p-value.
 *
 * <p>Subclasses test treatment − baseline: x is the treatment, y the baseline, and the alternative
 * is {@link Expectation#alternative(Direction)}. Margins in metric units enter as the null
 * difference (t-tests) or by shifting the treatment's values (rank and resampling tests); relative
 * margins as a ratio, by scaling the baseline's values ({@link Margin}).
 */
abstract class ComparisonVerifier implements Verifier {

    /** Whether this verdict compares replicate-matched pairs. */
    abstract boolean paired(Samples s);

    /** The verdict's test name, e.g. "paired t" or "Welch TOST". */
    abstract String testName(boolean paired, boolean equivalence);

    /** The verdict's test name for this question; by default it depends on equivalence only. */
    String testName(boolean paired, Question q) {
        return testName(paired, q.expectation().kind() == Expectation.Kind.EQUIVALENT_WITHIN);
    }

    /** How the minimal detectable effect and the replicates needed are computed. */
    abstract Design design(boolean paired);

    /** The test of treatment − baseline − nullDifference (x = treatment, y = baseline). */
    abstract TestResult test(Sides sides, Alternative alternative, double nullDifference);

    /**
     * Whether the data give this test nothing to estimate chance from. By default: both sides
     * constant, or constant paired differences.
     */
    boolean noVariance(Sides sides) {
        return sides.noVariance();
    }

    /**
     * The smallest p-value this test can give on sides of these sizes — for tests conditional on
     * the observed values, on these values — about treatment − baseline − nullDifference; 0 when
     * it has no floor that matters.
     */
    double smallestP(Sides sides, Alternative alternative, double nullDifference) {
        return 0;
    }

    /**
     * Sides of {@code n} values each (n pairs when paired) on which {@link #smallestP} is as small
     * as this test allows, like {@code actual}: by default distinct values, the treatment's
     * larger, with distinct paired differences.
     */
    Sides synthetic(int n, Sides actual) {
        double[] b = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = i + 1;
            t[i] = actual.paired() ? b[i] + i + 1 : n + i + 1;
        }
        return new Sides(b, t, actual.paired());
    }

    /**
     * Whether the relative % CI of a ratio-tested margin is found by inverting this test (the
     * ratios it does not reject): cheap, continuous tests only. Others show no relative CI then,
     * rather than one that disagrees with the decision.
     */
    boolean invertsRatioTest() {
        return false;
    }

    /** How the relative % CI was computed, for the method string; "" to say nothing. */
    String relativeCiNote(Sides sides, boolean ratio) {
        return "";
    }

    /** Test-specific problems of valid, finite data (an ERROR verdict), else null. */
    Verdict validate(Verdict.Builder base, Samples s, Sides sides, Question q) {
        return null;
    }

    /**
     * Whether the test itself decides data without variance (an exact test of counts does: all
     * zeros is an outcome like any other); otherwise such data get the no-variance verdict.
     */
    boolean testsConstantData() {
        return false;
    }

    /** Means, difference, relative %, effect size and 95% CIs; by default of the difference of means. */
    void describe(Verdict.Builder base, Sides sides) {
        if (sides.noVariance()) {
            // a test on counts runs on constant sides; there is no spread to give a CI or an effect size
            double mb = sides.baselineMean();
            double diff = sides.treatmentMean() - mb;
            base.means(mb, sides.treatmentMean()).difference(diff).relativePercent(mb == 0 ? Double.NaN : 100 * diff / mb);
            return;
        }
        MeanDifference md = sides.paired() ? sides.pairedMeans().meanDifference()
                : sides.independentMeans().meanDifference();
        base.means(md.meanY(), md.meanX()).difference(md.difference()).relativePercent(md.relativePercent())
                .ci(md.confidenceInterval().lower(), md.confidenceInterval().upper())
                .relativeCi(md.relativeConfidenceInterval().lower(), md.relativeConfidenceInterval().upper())
                .effectSize(sides.paired() ? "d_z" : "hedges_g",
                        sides.paired() ? sides.pairedMeans().dz() : sides.independentMeans().hedgesG());
    }

    /** Two one-sided tests: "greater" against −margin and "less" against +margin; p is the larger. */
    EquivalenceResult equivalence(Sides sides, double margin) {
        TestResult lower = test(sides, Alternative.GREATER, -margin);
        TestResult upper = test(sides, Alternative.LESS, margin);
        return new EquivalenceResult(testName(sides.paired(), true), margin, margin, lower, upper,
                Math.max(lower.pValue(), upper.pValue()));
    }

    /** Further parts of the method string (effect notes, margin handling, pairing). */
    List<String> extras(Samples s, Sides sides, TestResult result, double nullDifference) {
        return List.of();
    }

    @Override
    public final Verdict verify(Samples s, Question q) {
        return draft(s, q).worded();
    }

    /** The verdict, its message's standard line still to be written when the test decided it. */
    final Draft draft(Samples s, Question q) {
        boolean paired = paired(s);
        Sides sides = Sides.of(s, paired);
        boolean equivalence = q.expectation().kind() == Expectation.Kind.EQUIVALENT_WITHIN;
        String test = testName(paired, q);
        Design design = design(paired);
        Verdict.Builder base = Verdict.builder(s.metric(), s.treatment()).test(test)
                .alternative(equivalence ? "equivalence" : q.expectation().alternative(q.direction()))
                .alpha(q.alpha()).n(sides.nBaseline(), sides.nTreatment());
        if (paired) {
            base.nPairs(sides.nBaseline());
        }
        Verdict early = Outcomes.tooFew(base, s, sides, q, design);
        if (early == null) {
            early = Outcomes.nonFinite(base, s, sides, q, design);
        }
        if (early == null) {
            early = validate(base, s, sides, q);
        }
        if (early != null) {
            return Draft.complete(early);
        }
        if (q.deterministic() && sides.noVariance() && !testsConstantData()) {
            return new Draft(Outcomes.deterministic(base, sides, q, test), "");
        }
        if (!testsConstantData() && noVariance(sides)) {
            return Draft.complete(Outcomes.noVariance(base, s, sides));
        }
        if (Margin.ratioTested(q.expectation()) && !sides.baselineAwayFromZero()) {
            return Draft.complete(Outcomes.relativeMarginUndefined(base, s, sides, q, design));
        }
        Verdict unreachable = unreachable(base, s, sides, q, test, design);
        if (unreachable != null) {
            return Draft.complete(unreachable);
        }
        describe(base, sides);
        Draft decided = decide(base, s, sides, q, equivalence ? Design.NONE : design);
        return sides.relativeMeaningful() ? decided : withoutRelative(decided);
    }

    /**
     * INCONCLUSIVE when even the most extreme data of this n cannot give a p-value below the level
     * the family's correction demands; else null.
     */
    private Verdict unreachable(Verdict.Builder base, Samples s, Sides sides, Question q, String test, Design design) {
        double level = q.reachLevel();
        Alternative alternative = Outcomes.alternative(q);
        double floor;
        if (q.expectation().kind() == Expectation.Kind.EQUIVALENT_WITHIN) {
            Margin lower = Margin.lower(q, sides);
            Margin upper = Margin.upper(q, sides);
            // TOST's p is the larger one-sided p: never below either test's own floor
            floor = Math.max(smallestP(lower.sides(), Alternative.GREATER, lower.shift()),
                    smallestP(upper.sides(), Alternative.LESS, upper.shift()));
            alternative = Alternative.GREATER;
        } else {
            Margin margin = Margin.of(q, sides);
            floor = smallestP(margin.sides(), alternative, margin.shift());
        }
        if (floor < level) {
            return null;
        }
        int needed = replicatesToReach(sides, alternative, level);
        return Outcomes.unreachable(base, s, sides, q, test, floor, needed, design);
    }

    /** The fewest replicates per side (pairs when paired) at which this test can reach the level; MAX_VALUE if over 10,000. */
    int replicatesToReach(Sides sides, Alternative alternative, double level) {
        for (int n = Math.max(Outcomes.MIN_PER_SIDE, Math.min(sides.nBaseline(), sides.nTreatment()) + 1);
                n <= 10_000; n++) {
            if (smallestP(synthetic(n, sides), alternative, 0) < level) {
                return n;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static Draft withoutRelative(Draft draft) {
        Verdict v = draft.verdict().toBuilder().relativePercent(Double.NaN).relativeCi(Double.NaN, Double.NaN).build();
        return new Draft(v, draft.note());
    }

    /** Runs the test (or TOST) and fills statistic, p-value, method, status and design figures. */
    Draft decide(Verdict.Builder base, Samples s, Sides sides, Question q, Design design) {
        double mb = sides.baselineMean();
        Expectation e = q.expectation();
        Alternative alternative = Outcomes.alternative(q);
        boolean ratio = Margin.ratioTested(e);
        double shift = 0;
        TestResult result;
        double p;
        if (e.kind() == Expectation.Kind.EQUIVALENT_WITHIN) {
            EquivalenceResult tost = ratio ? ratioEquivalence(sides, Margin.lower(q, sides), Margin.upper(q, sides))
                    : equivalence(sides, e.absoluteMargin(mb));
            result = tost.lower().pValue() >= tost.upper().pValue() ? tost.lower() : tost.upper();
            p = tost.pValue();
        } else {
            Margin margin = Margin.of(q, sides);
            shift = margin.shift();
            result = test(margin.sides(), alternative, shift);
            p = result.pValue();
        }
        if (ratio) {
            // the result's CI is of treatment − ratio × baseline; the verdict keeps the difference's
            // CI and shows the ratio's, found by inverting the same test
            Interval relative = invertsRatioTest() ? ratioInterval(sides) : null;
            base.relativeCi(relative == null ? Double.NaN : relative.lower(),
                    relative == null ? Double.NaN : relative.upper());
        } else if (result.hasConfidenceInterval()) {
            base.ci(result.confidenceInterval().lower(), result.confidenceInterval().upper());
        }
        List<String> parts = new ArrayList<>(extras(s, sides, result, shift));
        String relativeNote = relativeCiNote(sides, ratio);
        if (!relativeNote.isEmpty() && sides.relativeMeaningful()) {
            parts.add(relativeNote);
        }
        if (design != Design.NONE) {
            parts.add(design.method(q));
        }
        base.statistic(result.statistic()).pValue(p)
                .method(MethodText.of(result, sides, MethodText.hypothesis(q, sides), parts))
                .status(p < q.alpha() ? Verdict.Status.SUPPORTED : Verdict.Status.NOT_SUPPORTED);
        designFigures(base, sides, q, design);
        return new Draft(base.build(), designNote(sides, q, design));
    }

    /** Two one-sided ratio tests: treatment vs the lower bound's and the upper bound's scaled baseline. */
    private EquivalenceResult ratioEquivalence(Sides sides, Margin lower, Margin upper) {
        TestResult below = test(lower.sides(), Alternative.GREATER, 0);
        TestResult above = test(upper.sides(), Alternative.LESS, 0);
        return new EquivalenceResult(testName(sides.paired(), true), 1 - lower.ratio(), upper.ratio() - 1, below,
                above, Math.max(below.pValue(), above.pValue()));
    }

    /**
     * The ratios treatment / baseline the two-sided test of treatment vs ratio × baseline does not
     * reject at 5%, as a relative % interval (Fieller's interval for the paired t-test); null when
     * that set is unbounded.
     */
    Interval ratioInterval(Sides sides) {
        double center = sides.treatmentMean() / sides.baselineMean();
        DoubleUnaryOperator p = ratioPValue(sides);
        DoubleUnaryOperator excess = k -> p.applyAsDouble(k) - RATIO_CI_ALPHA;
        double low = boundary(excess, center, -1);
        double high = boundary(excess, center, 1);
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return null;
        }
        return new Interval(100 * (low - 1), 100 * (high - 1), 1 - RATIO_CI_ALPHA);
    }

    static final double RATIO_CI_ALPHA = 0.05;

    /** The two-sided p-value of treatment vs ratio × baseline, as a function of the ratio. */
    DoubleUnaryOperator ratioPValue(Sides sides) {
        return k -> test(sides.scaledBaseline(k), Alternative.TWO_SIDED, 0).pValue();
    }

    /** Where {@code excess} turns negative going from {@code center} in {@code direction}; NaN if it never does. */
    private static double boundary(DoubleUnaryOperator excess, double center, int direction) {
        double step = Math.max(Math.abs(center), 1e-12) * 1e-3;
        double inside = center;
        double outside = Double.NaN;
        for (int i = 0; i < 80; i++) {
            double k = center + direction * step;
            if (excess.applyAsDouble(k) < 0) {
                outside = k;
                break;
            }
            inside = k;
            step *= 2;
        }
        if (Double.isNaN(outside)) {
            return Double.NaN;
        }
        for (int i = 0; i < 200 && Math.abs(outside - inside) > 1e-11 * Math.max(Math.abs(inside), 1e-300); i++) {
            double mid = 0.5 * (inside + outside);
            if (excess.applyAsDouble(mid) < 0) {
                outside = mid;
            } else {
                inside = mid;
            }
        }
        return 0.5 * (inside + outside);
    }

    /** The minimal detectable effect at the family's level ({@link Question#familyLevel()}). */
    static void designFigures(Verdict.Builder base, Sides sides, Question q, Design design) {
        double standardized = design.mdeStandardized(sides.nBaseline(), sides.nTreatment(), q.familyLevel(),
                Outcomes.alternative(q));
        base.mde(standardized * sides.scale(), standardized);
    }

    /** "; a minimum effect of ... (have 10 ...)" when the question declares a minimum effect. */
    static String designNote(Sides sides, Question q, Design design) {
        String hint = Outcomes.replicatesHint(sides, q, design);
        if (hint.isEmpty()) {
            return "";
        }
        return hint + ", have " + (sides.paired() ? sides.nBaseline() + " pairs"
                : sides.nBaseline() + " and " + sides.nTreatment());
    }

    static Verdict withMessage(Verdict v, String note) {
        return v.toBuilder().message(VerdictMessage.of(v) + note).build();
    }
}
