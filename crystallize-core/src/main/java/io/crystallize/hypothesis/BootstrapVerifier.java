package io.crystallize.hypothesis;

import io.crystallize.stats.Bootstrap;
import io.crystallize.stats.BootstrapMethod;
import io.crystallize.stats.Interval;
import io.crystallize.stats.TestResult;
import io.crystallize.stats.TwoSampleStatistic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides by a seeded bootstrap confidence interval (percentile or BCa) of a statistic of
 * (treatment, baseline), by default the difference of means; each side is resampled within itself.
 * A bootstrap interval gives no p-value, so the verdict carries none and is decided here: the
 * interval at level 1 − α/m (two-sided expectations) or 1 − 2α/m (one-sided, margins and
 * equivalence), m the family size — Bonferroni over the hypothesis's family — must lie beyond the
 * null value (or inside ±margin). The verdict's CI is the 95% bootstrap interval.
 */
final class BootstrapVerifier extends ComparisonVerifier {

    static final String MEAN_DIFFERENCE = "difference of means";

    private final BootstrapMethod method;
    private final TwoSampleStatistic statistic;
    private final String statisticName;
    private final int resamples;
    private final long seed;

    BootstrapVerifier(BootstrapMethod method, TwoSampleStatistic statistic, String statisticName, int resamples,
            long seed) {
        if (resamples < 2) {
            throw new IllegalArgumentException("resamples must be at least 2: " + resamples);
        }
        this.method = method;
        this.statistic = statistic;
        this.statisticName = statisticName;
        this.resamples = resamples;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "bootstrap " + label() + " CI (" + statisticName + ")";
    }

    private String label() {
        return method == BootstrapMethod.BCA ? "BCa" : "percentile";
    }

    @Override
    boolean paired(Samples s) {
        return false;
    }

    @Override
    String testName(boolean paired, boolean equivalence) {
        return "bootstrap " + label() + " CI";
    }

    @Override
    Design design(boolean paired) {
        return Design.NONE;
    }

    @Override
    TestResult test(Sides sides, io.crystallize.stats.Alternative alternative, double nullDifference) {
        throw new UnsupportedOperationException("the bootstrap verifier decides by its interval");
    }

    @Override
    Draft decide(Verdict.Builder base, Samples s, Sides sides, Question q, Design design) {
        Expectation e = q.expectation();
        double mb = sides.baselineMean();
        int family = Math.max(1, q.familySize());
        double alpha = q.alpha() / family;
        String alternative = e.alternative(q.direction());
        boolean equivalence = e.kind() == Expectation.Kind.EQUIVALENT_WITHIN;
        boolean twoSided = !equivalence && "two-sided".equals(alternative);
        double level = twoSided ? 1 - alpha : 1 - 2 * alpha;
        double[] t = sides.treatment();
        double[] b = sides.baseline();
        Interval decision = Bootstrap.confidenceInterval(t, b, statistic, method, level, resamples, seed, 1);
        Interval ci95 = Bootstrap.confidenceInterval(t, b, statistic, method, 0.95, resamples, seed, 1);
        double shift = e.nullDifference(q.direction(), mb);
        double margin = e.absoluteMargin(mb);
        boolean holds;
        String where;
        if (equivalence) {
            holds = decision.lower() > -margin && decision.upper() < margin;
            where = (holds ? "inside ±" : "not inside ±") + Outcomes.number(margin);
        } else if (twoSided) {
            holds = !decision.contains(0);
            where = holds ? "excludes 0" : "contains 0";
        } else if ("greater".equals(alternative)) {
            holds = decision.lower() > shift;
            where = "lower end " + (holds ? "above " : "not above ") + Outcomes.signed(shift);
        } else {
            holds = decision.upper() < shift;
            where = "upper end " + (holds ? "below " : "not below ") + Outcomes.signed(shift);
        }
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "%s%% CI [%s, %s] %s", Outcomes.trimmed(round(100 * level)),
                Outcomes.signed(decision.lower()), Outcomes.signed(decision.upper()), where));
        parts.add("alternative: " + MethodText.hypothesis(q, mb));
        parts.add("statistic: " + statisticName + " of (treatment, baseline) = "
                + Outcomes.number(statistic.apply(t.clone(), b.clone())));
        parts.add("decided by the interval (no p-value): level " + (twoSided ? "1 − alpha" : "1 − 2·alpha")
                + (family > 1 ? "/" + family + " (Bonferroni over the family of " + family + " verdicts)" : ""));
        parts.add("seeded: " + resamples + " resamples of each side within itself, seed " + seed);
        parts.add(MethodText.n(sides));
        base.ci(ci95.lower(), ci95.upper()).statistic(Double.NaN).pValue(Double.NaN)
                .correction(family > 1 ? "Bonferroni (interval level)" : "none")
                .method(String.join("; ", parts))
                .status(holds ? Verdict.Status.SUPPORTED : Verdict.Status.NOT_SUPPORTED);
        if (MEAN_DIFFERENCE.equals(statisticName)) {
            RankEffects.relative(base, mb, sides.treatmentMean() - mb, ci95);
        } else {
            base.relativeCi(Double.NaN, Double.NaN);
        }
        return new Draft(base.build(), designNote(sides, q, design));
    }

    private static double round(double percent) {
        return Math.round(percent * 1000) / 1000.0;
    }
}
