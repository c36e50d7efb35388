package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.EquivalenceResult;
import io.crystallize.stats.MeanDifference;
import io.crystallize.stats.TestResult;
import java.util.List;

/**
 * The steps every built-in treatment-vs-baseline verifier takes, in DESIGN §3.4's order: too few
 * values → INCONCLUSIVE; non-finite values → INCONCLUSIVE; test-specific validation (e.g. 0/1
 * values) → ERROR; no variance → deterministic verdict; otherwise effect sizes, the test (or TOST
 * for equivalence), the method string and the design figures. The raw p-value decides the status;
 * the hypothesis's correction then re-decides it from the adjusted p-value.
 *
 * <p>Subclasses test treatment − baseline: x is the treatment, y the baseline, and the alternative
 * is {@link Expectation#alternative(Direction)}. Margins enter as the null difference (t-tests) or
 * by shifting the treatment's values (rank and resampling tests).
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
        if (sides.noVariance() && !testsConstantData()) {
            return new Draft(Outcomes.deterministic(base, sides, q, test), "");
        }
        describe(base, sides);
        return decide(base, s, sides, q, equivalence ? Design.NONE : design);
    }

    /** Runs the test (or TOST) and fills statistic, p-value, method, status and design figures. */
    Draft decide(Verdict.Builder base, Samples s, Sides sides, Question q, Design design) {
        double mb = sides.baselineMean();
        Expectation e = q.expectation();
        Alternative alternative = Outcomes.alternative(q);
        double shift = e.nullDifference(q.direction(), mb);
        TestResult result;
        double p;
        if (e.kind() == Expectation.Kind.EQUIVALENT_WITHIN) {
            EquivalenceResult tost = equivalence(sides, e.absoluteMargin(mb));
            result = tost.lower().pValue() >= tost.upper().pValue() ? tost.lower() : tost.upper();
            p = tost.pValue();
        } else {
            result = test(sides, alternative, shift);
            p = result.pValue();
        }
        if (result.hasConfidenceInterval()) {
            base.ci(result.confidenceInterval().lower(), result.confidenceInterval().upper());
        }
        base.statistic(result.statistic()).pValue(p)
                .method(MethodText.of(result, sides, MethodText.hypothesis(q, mb), extras(s, sides, result, shift)))
                .status(p < q.alpha() ? Verdict.Status.SUPPORTED : Verdict.Status.NOT_SUPPORTED);
        designFigures(base, sides, q, design);
        return new Draft(base.build(), designNote(sides, q, design));
    }

    static void designFigures(Verdict.Builder base, Sides sides, Question q, Design design) {
        double standardized = design.mdeStandardized(sides.nBaseline(), sides.nTreatment(), q.alpha(),
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
