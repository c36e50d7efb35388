package io.crystallize.hypothesis;

import io.crystallize.stats.Anova;
import io.crystallize.stats.MeanDifference;
import io.crystallize.stats.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One-way ANOVA of "any difference among all conditions" (expectation {@code different()}
 * only; other expectations are an ERROR). It sees every condition through
 * {@link Samples#conditions()} (the two compared sides when that is empty), so its p-value is the
 * same for every treatment; {@link #comparesAllConditions()} makes the hypothesis correct over its
 * metrics only. Each treatment's verdict still reports its own difference from the baseline
 * (Welch CI, Hedges' g) and the F test's η². Checks: fewer than 2 values in a condition or
 * non-finite values → INCONCLUSIVE; every condition constant → INCONCLUSIVE (cannot tell a
 * deterministic effect from chance), unless the metric is declared deterministic: then "different"
 * holds when the constants differ. No design figures.
 */
final class AnovaVerifier implements Verifier {

    @Override
    public String name() {
        return "one-way ANOVA";
    }

    @Override
    public boolean comparesAllConditions() {
        return true;
    }

    @Override
    public Verdict verify(Samples s, Question q) {
        Map<String, double[]> groups = s.conditions().isEmpty()
                ? Map.of("baseline", s.baseline(), s.treatment(), s.treatmentValues()) : s.conditions();
        Sides sides = Sides.of(s, false);
        Verdict.Builder base = Verdict.builder(s.metric(), s.treatment()).test(name()).alternative("two-sided")
                .alpha(q.alpha()).n(sides.nBaseline(), sides.nTreatment());
        if (q.expectation().kind() != Expectation.Kind.DIFFERENT) {
            return Outcomes.error(base, s, "one-way ANOVA tests any difference among all conditions, not '"
                    + q.expectation() + "': expect different(), or compare each treatment with a two-sample test");
        }
        for (Map.Entry<String, double[]> g : groups.entrySet()) {
            if (g.getValue().length < Outcomes.MIN_PER_SIDE) {
                return Outcomes.inconclusive(base, s, "too few values in " + g.getKey() + " (" + g.getValue().length
                        + "; need at least " + Outcomes.MIN_PER_SIDE + " per condition): run more replicates");
            }
        }
        for (Map.Entry<String, double[]> g : groups.entrySet()) {
            if (Outcomes.finite(g.getValue()).length < g.getValue().length) {
                return Outcomes.inconclusive(base, s, g.getKey() + " has non-finite values; a test needs finite "
                        + "numbers (check the step recording '" + s.metric() + "')");
            }
        }
        List<double[]> values = new ArrayList<>(groups.values());
        if (values.stream().allMatch(Outcomes::constant) && !q.deterministic()) {
            return Outcomes.noVariance(base, s, sides);
        }
        if (values.stream().allMatch(Outcomes::constant)) {
            boolean differ = values.stream().mapToDouble(Outcomes::mean).distinct().count() > 1;
            Verdict v = Outcomes.deterministic(base, sides, q, name());
            v = v.toBuilder().pValue(differ ? 0 : 1).status(differ ? Verdict.Status.SUPPORTED : Verdict.Status.NOT_SUPPORTED)
                    .method("no variance in any of the " + values.size() + " conditions (each constant within 1e-12 "
                            + "relative), the metric declared deterministic: the conditions " + (differ ? "differ" : "are equal") + " deterministically, "
                            + "p reported as " + (differ ? 0 : 1) + "; one-way ANOVA not run")
                    .build();
            return ComparisonVerifier.withMessage(v, "");
        }
        TestResult r = Anova.oneWay(values);
        double[] t = sides.treatment();
        double[] b = sides.baseline();
        if (!(Outcomes.constant(t) && Outcomes.constant(b))) {
            MeanDifference md = sides.independentMeans().meanDifference();
            base.ci(md.confidenceInterval().lower(), md.confidenceInterval().upper())
                    .relativeCi(md.relativeConfidenceInterval().lower(), md.relativeConfidenceInterval().upper())
                    .effectSize("hedges_g", sides.independentMeans().hedgesG());
        }
        double mb = sides.baselineMean();
        double diff = sides.treatmentMean() - mb;
        base.means(mb, sides.treatmentMean()).difference(diff)
                .relativePercent(sides.relativeMeaningful() ? 100 * diff / mb : Double.NaN);
        if (!sides.relativeMeaningful()) {
            base.relativeCi(Double.NaN, Double.NaN);
        }
        double between = r.degreesOfFreedom();
        int total = values.stream().mapToInt(v -> v.length).sum();
        double within = total - values.size();
        double etaSquared = r.statistic() * between / (r.statistic() * between + within);
        List<String> parts = new ArrayList<>();
        parts.add(r.method().description() + String.format(Locale.ROOT, " = %.4g", r.statistic()));
        parts.add("alternative: any difference among all " + values.size() + " conditions " + groups.keySet());
        parts.add("exact F reference distribution");
        parts.add("n per condition " + values.stream().map(v -> String.valueOf(v.length)).toList());
        parts.add(String.format(Locale.ROOT, "η² = %.3f", etaSquared));
        parts.add("effect: this treatment's difference of means with its Welch 95% CI, Hedges' g");
        base.statistic(r.statistic()).pValue(r.pValue()).method(String.join("; ", parts))
                .status(r.pValue() < q.alpha() ? Verdict.Status.SUPPORTED : Verdict.Status.NOT_SUPPORTED);
        return ComparisonVerifier.withMessage(base.build(), "");
    }
}
