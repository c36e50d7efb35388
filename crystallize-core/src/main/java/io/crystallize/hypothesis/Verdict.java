package io.crystallize.hypothesis;

/**
 * The outcome of one hypothesis for one metric and one treatment. Numbers a test does not define
 * are {@code NaN}; counts it does not define are −1.
 *
 * @param metric           the metric compared
 * @param treatment        the treatment compared with the baseline
 * @param status           SUPPORTED, NOT_SUPPORTED, INCONCLUSIVE or ERROR
 * @param test             the test's name, e.g. "paired t"
 * @param method           how it was computed: alternative, exact or asymptotic, corrections, tie and zero handling
 * @param alternative      "greater", "less" or "two-sided", about treatment − baseline
 * @param statistic        the test statistic
 * @param pValue           the raw p-value
 * @param adjustedPValue   the p-value after the family's multiple-comparison correction
 * @param correction       the correction's name, e.g. "holm"
 * @param alpha            the significance level
 * @param baselineMean     mean of the baseline's values
 * @param treatmentMean    mean of the treatment's values
 * @param difference       treatment − baseline (mean difference, or Hodges-Lehmann shift for rank tests)
 * @param relativePercent  difference as percent of the baseline mean
 * @param effectSize       standardised effect (Hedges' g, or d_z for paired tests)
 * @param effectSizeName   "hedges_g", "d_z", ...
 * @param ciLow            lower end of the two-sided 95% CI of the difference
 * @param ciHigh           upper end
 * @param relativeCiLow    lower end of the 95% CI in percent of the baseline mean (delta method)
 * @param relativeCiHigh   upper end
 * @param nBaseline        baseline values used
 * @param nTreatment       treatment values used
 * @param nPairs           replicate-matched pairs used, −1 for unpaired tests
 * @param mde              minimal detectable effect at 80% power for this n and test, metric units
 * @param mdeStandardized  the same, standardised
 * @param message          one line a person understands
 * @param error            for ERROR: the cause in one line; otherwise {@code null}
 */
public record Verdict(
        String metric,
        String treatment,
        Status status,
        String test,
        String method,
        String alternative,
        double statistic,
        double pValue,
        double adjustedPValue,
        String correction,
        double alpha,
        double baselineMean,
        double treatmentMean,
        double difference,
        double relativePercent,
        double effectSize,
        String effectSizeName,
        double ciLow,
        double ciHigh,
        double relativeCiLow,
        double relativeCiHigh,
        int nBaseline,
        int nTreatment,
        int nPairs,
        double mde,
        double mdeStandardized,
        String message,
        String error) {

    /** The four verdicts. */
    public enum Status {
        SUPPORTED,
        NOT_SUPPORTED,
        INCONCLUSIVE,
        ERROR
    }

    public boolean isSupported() {
        return status == Status.SUPPORTED;
    }

    /** A builder pre-filled with NaN numbers and −1 counts. */
    public static Builder builder(String metric, String treatment) {
        return new Builder(metric, treatment);
    }

    /** A builder holding this verdict's values. */
    public Builder toBuilder() {
        Builder b = new Builder(metric, treatment);
        b.status = status;
        b.test = test;
        b.method = method;
        b.alternative = alternative;
        b.statistic = statistic;
        b.pValue = pValue;
        b.adjustedPValue = adjustedPValue;
        b.correction = correction;
        b.alpha = alpha;
        b.baselineMean = baselineMean;
        b.treatmentMean = treatmentMean;
        b.difference = difference;
        b.relativePercent = relativePercent;
        b.effectSize = effectSize;
        b.effectSizeName = effectSizeName;
        b.ciLow = ciLow;
        b.ciHigh = ciHigh;
        b.relativeCiLow = relativeCiLow;
        b.relativeCiHigh = relativeCiHigh;
        b.nBaseline = nBaseline;
        b.nTreatment = nTreatment;
        b.nPairs = nPairs;
        b.mde = mde;
        b.mdeStandardized = mdeStandardized;
        b.message = message;
        b.error = error;
        return b;
    }

    /** Builds verdicts; every field but metric and treatment is optional. */
    public static final class Builder {
        private final String metric;
        private final String treatment;
        private Status status = Status.INCONCLUSIVE;
        private String test = "";
        private String method = "";
        private String alternative = "";
        private double statistic = Double.NaN;
        private double pValue = Double.NaN;
        private double adjustedPValue = Double.NaN;
        private String correction = "none";
        private double alpha = Double.NaN;
        private double baselineMean = Double.NaN;
        private double treatmentMean = Double.NaN;
        private double difference = Double.NaN;
        private double relativePercent = Double.NaN;
        private double effectSize = Double.NaN;
        private String effectSizeName = "";
        private double ciLow = Double.NaN;
        private double ciHigh = Double.NaN;
        private double relativeCiLow = Double.NaN;
        private double relativeCiHigh = Double.NaN;
        private int nBaseline = -1;
        private int nTreatment = -1;
        private int nPairs = -1;
        private double mde = Double.NaN;
        private double mdeStandardized = Double.NaN;
        private String message = "";
        private String error;

        private Builder(String metric, String treatment) {
            this.metric = metric;
            this.treatment = treatment;
        }

        public Builder status(Status v) { this.status = v; return this; }
        public Builder test(String v) { this.test = v; return this; }
        public Builder method(String v) { this.method = v; return this; }
        public Builder alternative(String v) { this.alternative = v; return this; }
        public Builder statistic(double v) { this.statistic = v; return this; }
        public Builder pValue(double v) { this.pValue = v; return this; }
        public Builder adjustedPValue(double v) { this.adjustedPValue = v; return this; }
        public Builder correction(String v) { this.correction = v; return this; }
        public Builder alpha(double v) { this.alpha = v; return this; }
        public Builder means(double baseline, double treatmentValue) {
            this.baselineMean = baseline;
            this.treatmentMean = treatmentValue;
            return this;
        }
        public Builder difference(double v) { this.difference = v; return this; }
        public Builder relativePercent(double v) { this.relativePercent = v; return this; }
        public Builder effectSize(String name, double v) { this.effectSizeName = name; this.effectSize = v; return this; }
        public Builder ci(double low, double high) { this.ciLow = low; this.ciHigh = high; return this; }
        public Builder relativeCi(double low, double high) { this.relativeCiLow = low; this.relativeCiHigh = high; return this; }
        public Builder n(int baseline, int treatmentN) { this.nBaseline = baseline; this.nTreatment = treatmentN; return this; }
        public Builder nPairs(int v) { this.nPairs = v; return this; }
        public Builder mde(double v, double standardized) { this.mde = v; this.mdeStandardized = standardized; return this; }
        public Builder message(String v) { this.message = v; return this; }
        public Builder error(String v) { this.error = v; return this; }

        public Verdict build() {
            return new Verdict(metric, treatment, status, test, method, alternative, statistic, pValue, adjustedPValue,
                    correction, alpha, baselineMean, treatmentMean, difference, relativePercent, effectSize,
                    effectSizeName, ciLow, ciHigh, relativeCiLow, relativeCiHigh, nBaseline, nTreatment, nPairs, mde,
                    mdeStandardized, message, error);
        }
    }
}
