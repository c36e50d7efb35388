package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.IndependentMeans;
import io.crystallize.stats.PairedMeans;
import java.util.Arrays;

/**
 * The two compared sides as a test uses them: independent samples, or the replicate-matched pairs
 * (element i of each is one replicate). Values may still be non-finite until checked. One verdict
 * uses one instance, which keeps what the effect sizes and the test share (means, variances, the
 * CI's t quantile) so that they are computed once.
 */
final class Sides {

    private final double[] baseline;
    private final double[] treatment;
    private final boolean paired;
    private IndependentMeans independentMeans;
    private PairedMeans pairedMeans;
    private Boolean relativeMeaningful;
    private double baselineMean;
    private boolean baselineMeanKnown;

    Sides(double[] baseline, double[] treatment, boolean paired) {
        this.baseline = baseline;
        this.treatment = treatment;
        this.paired = paired;
    }

    static Sides of(Samples s, boolean paired) {
        return paired ? new Sides(s.pairedBaseline(), s.pairedTreatment(), true)
                : new Sides(s.baseline(), s.treatmentValues(), false);
    }

    double[] baseline() {
        return baseline;
    }

    double[] treatment() {
        return treatment;
    }

    boolean paired() {
        return paired;
    }

    int nBaseline() {
        return baseline.length;
    }

    int nTreatment() {
        return treatment.length;
    }

    double baselineMean() {
        if (!baselineMeanKnown) {
            baselineMean = Outcomes.mean(baseline);
            baselineMeanKnown = true;
        }
        return baselineMean;
    }

    double treatmentMean() {
        return Outcomes.mean(treatment);
    }

    /** Treatment vs baseline as independent samples (x = treatment); needs 2 finite values per side. */
    IndependentMeans independentMeans() {
        if (independentMeans == null) {
            independentMeans = IndependentMeans.of(treatment, baseline);
        }
        return independentMeans;
    }

    /** Treatment vs baseline as pairs (x = treatment); needs 2 pairs with finite differences. */
    PairedMeans pairedMeans() {
        if (pairedMeans == null) {
            pairedMeans = PairedMeans.of(treatment, baseline);
        }
        return pairedMeans;
    }

    /** treatment − baseline per pair. */
    double[] differences() {
        double[] d = new double[baseline.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = treatment[i] - baseline[i];
        }
        return d;
    }

    /** The treatment's values minus {@code shift} (how margins enter rank and resampling tests). */
    double[] shiftedTreatment(double shift) {
        double[] t = new double[treatment.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = treatment[i] - shift;
        }
        return t;
    }

    /**
     * The same sides with every baseline value multiplied by {@code ratio}: how a relative margin
     * is tested as a ratio (treatment vs ratio × baseline, the baseline's variance scaled by ratio²).
     */
    Sides scaledBaseline(double ratio) {
        double[] b = new double[baseline.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = ratio * baseline[i];
        }
        return new Sides(b, treatment, paired);
    }

    /**
     * The most extreme split of these values for a test of {@code alternative} about treatment −
     * baseline − shift: the pooled values (the treatment's shifted) ranked, the treatment given
     * the largest (the smallest for "less"), as independent samples of the same sizes. A test
     * conditional on the pooled values gives its smallest p-value here.
     */
    Sides extremeSplit(Alternative alternative, double shift) {
        double[] pooled = new double[treatment.length + baseline.length];
        for (int i = 0; i < treatment.length; i++) {
            pooled[i] = treatment[i] - shift;
        }
        System.arraycopy(baseline, 0, pooled, treatment.length, baseline.length);
        Arrays.sort(pooled);
        int nt = treatment.length;
        int nb = baseline.length;
        boolean high = alternative != Alternative.LESS;
        double[] t = high ? Arrays.copyOfRange(pooled, nb, nb + nt) : Arrays.copyOfRange(pooled, 0, nt);
        double[] b = high ? Arrays.copyOfRange(pooled, 0, nb) : Arrays.copyOfRange(pooled, nt, nt + nb);
        return new Sides(b, t, false);
    }

    /**
     * Whether the baseline mean is clearly away from zero: the baseline's values (finite, at least
     * 2) have a two-sided 95% t interval of their mean that excludes 0, or are one non-zero constant.
     * Only then does a percentage of the baseline mean mean something.
     */
    boolean baselineAwayFromZero() {
        double[] b = Outcomes.finite(baseline);
        if (b.length < 2) {
            return false;
        }
        if (Outcomes.constant(b)) {
            return b[0] != 0;
        }
        double mean = Outcomes.mean(b);
        double se = Math.sqrt(Outcomes.variance(b, mean) / b.length);
        return Math.abs(mean) > Outcomes.tCritical95(b.length - 1) * se;
    }

    /**
     * Whether a change relative to the baseline mean is meaningful: the baseline mean is positive
     * and clearly away from zero (a negative or near-zero mean makes the percentage's sign or size
     * misleading; such verdicts show the absolute difference).
     */
    boolean relativeMeaningful() {
        if (relativeMeaningful == null) {
            relativeMeaningful = baselineMean() > 0 && baselineAwayFromZero();
        }
        return relativeMeaningful;
    }

    /** Both sides constant, or constant paired differences, within 1e-12 relative. */
    boolean noVariance() {
        return paired ? Outcomes.constant(differences()) : Outcomes.constant(baseline) && Outcomes.constant(treatment);
    }

    /** What "no variance" refers to, for messages. */
    String varianceSource() {
        return paired ? "the paired differences" : "either condition (both constant)";
    }

    /**
     * The standard deviation standardised effects are in, from finite values only: of the paired
     * differences when paired (falling back to the pooled SD when fewer than 2 finite pairs), the
     * pooled SD otherwise (the one side's SD when only one side has 2 values); NaN when there is
     * none.
     */
    double scale() {
        if (paired) {
            double[] d = Outcomes.finite(differences());
            if (d.length >= 2) {
                return Math.sqrt(Outcomes.variance(d, Outcomes.mean(d)));
            }
        }
        double[] b = Outcomes.finite(baseline);
        double[] t = Outcomes.finite(treatment);
        double ss = 0;
        int df = 0;
        for (double[] side : new double[][] {b, t}) {
            if (side.length >= 2) {
                ss += (side.length - 1) * Outcomes.variance(side, Outcomes.mean(side));
                df += side.length - 1;
            }
        }
        return df == 0 ? Double.NaN : Math.sqrt(ss / df);
    }
}
