package io.crystallize.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.base.MetricSeries;
import io.crystallize.stats.Alternative;
import io.crystallize.stats.Anova;
import io.crystallize.stats.MultipleComparisons;
import io.crystallize.stats.TTests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Holm (default) and Benjamini-Hochberg over a hypothesis's metrics × treatments; ANOVA over metrics. */
class FamilyCorrectionTest {

    static final int[] REPS = {0, 1, 2, 3, 4, 5};
    static final double[] BASE_A = {10.0, 10.4, 9.8, 10.1, 9.9, 10.2};
    static final double[] BASE_B = {5.0, 5.2, 4.9, 5.1, 4.8, 5.3};
    static final double[] X_A = {10.6, 10.9, 10.2, 10.8, 10.5, 10.7};
    static final double[] X_B = {5.1, 5.4, 4.9, 5.3, 5.0, 5.2};
    static final double[] Y_A = {10.1, 10.6, 9.9, 10.3, 10.0, 10.5};
    static final double[] Y_B = {5.9, 6.1, 5.6, 6.0, 5.8, 6.2};

    static Evidence evidence() {
        Map<String, Map<String, MetricSeries>> metrics = new LinkedHashMap<>();
        metrics.put("baseline", series(BASE_A, BASE_B));
        metrics.put("x", series(X_A, X_B));
        metrics.put("y", series(Y_A, Y_B));
        return new Evidence(metrics, Map.of(), 6, false, 0);
    }

    static Map<String, MetricSeries> series(double[] a, double[] b) {
        Map<String, MetricSeries> m = new LinkedHashMap<>();
        m.put("a", new MetricSeries(a, REPS));
        m.put("b", new MetricSeries(b, REPS));
        return m;
    }

    static double[] rawP() {
        // treatment then metric order: x/a, x/b, y/a, y/b
        return new double[] {
            TTests.welch(X_A, BASE_A, Alternative.GREATER).pValue(),
            TTests.welch(X_B, BASE_B, Alternative.GREATER).pValue(),
            TTests.welch(Y_A, BASE_A, Alternative.GREATER).pValue(),
            TTests.welch(Y_B, BASE_B, Alternative.GREATER).pValue()};
    }

    @Test
    void holmIsTheDefaultOverMetricsTimesTreatments() {
        HypothesisResult r = Hypothesis.on("a", "b").build().evaluate(evidence(), List.of("x", "y"));
        double[] raw = rawP();
        double[] holm = MultipleComparisons.holm(raw);
        assertThat(r.verdicts()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            Verdict v = r.verdicts().get(i);
            assertThat(v.pValue()).isEqualTo(raw[i]);
            assertThat(v.adjustedPValue()).isEqualTo(holm[i]);
            assertThat(v.correction()).isEqualTo("Holm");
            assertThat(v.status()).isEqualTo(holm[i] < 0.05 ? Verdict.Status.SUPPORTED : Verdict.Status.NOT_SUPPORTED);
            assertThat(v.message()).contains("(Holm " + Outcomes.p(holm[i]) + ")", "p=" + Outcomes.p(raw[i]));
        }
        // the raw p of x/b is above 0.05 even uncorrected; y/a is borderline: Holm must matter somewhere
        assertThat(r.supported("x")).isFalse();
        assertThat(r.message("x").lines()).hasSize(2);
    }

    @Test
    void benjaminiHochbergWhenAsked() {
        HypothesisResult r = Hypothesis.on("a", "b").correction(Correction.BENJAMINI_HOCHBERG).build()
                .evaluate(evidence(), List.of("x", "y"));
        double[] bh = MultipleComparisons.benjaminiHochberg(rawP());
        for (int i = 0; i < 4; i++) {
            assertThat(r.verdicts().get(i).adjustedPValue()).isEqualTo(bh[i]);
            assertThat(r.verdicts().get(i).correction()).isEqualTo("Benjamini-Hochberg");
        }
    }

    @Test
    void correctionDelegatesAndKeepsUntestedOutOfTheFamily() {
        double[] p = {0.01, Double.NaN, 0.04, 0.03};
        double[] adjusted = Correction.HOLM.adjust(p);
        double[] expected = MultipleComparisons.holm(0.01, 0.04, 0.03);
        assertThat(adjusted[0]).isEqualTo(expected[0]);
        assertThat(adjusted[1]).isNaN();
        assertThat(adjusted[2]).isEqualTo(expected[1]);
        assertThat(adjusted[3]).isEqualTo(expected[2]);
    }

    @Test
    void anovaSeesEveryConditionAndIsCorrectedOverMetricsOnly() {
        HypothesisResult r = Hypothesis.on("a", "b").expect(Expectation.different()).verifier(Verifiers.anova()).build()
                .evaluate(evidence(), List.of("x"));
        double pa = Anova.oneWay(List.of(BASE_A, X_A, Y_A)).pValue();
        double pb = Anova.oneWay(List.of(BASE_B, X_B, Y_B)).pValue();
        double[] holm = MultipleComparisons.holm(pa, pb);
        assertThat(r.verdict("x", "a").orElseThrow().pValue()).isEqualTo(pa);
        assertThat(r.verdict("x", "a").orElseThrow().adjustedPValue()).isEqualTo(holm[0]);
        assertThat(r.verdict("x", "b").orElseThrow().adjustedPValue()).isEqualTo(holm[1]);
    }

    @Test
    void minimumEffectReachesTheMessages() {
        HypothesisResult r = Hypothesis.on("a").minimumEffect(0.2).build().evaluate(evidence(), List.of("x"));
        assertThat(r.verdicts().get(0).message()).contains("(Holm ", "a minimum effect of 0.2000 needs about");
    }
}
