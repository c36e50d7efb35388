package io.crystallize.stats;

/**
 * Difference of means, absolute and relative to the second side, with two-sided CIs.
 *
 * @param meanX mean of x (treatment)
 * @param meanY mean of y (baseline)
 * @param difference meanX - meanY
 * @param relativePercent 100 (meanX - meanY) / meanY; NaN when meanY is 0
 * @param confidenceInterval t-based CI of the difference (Welch, or paired on x - y)
 * @param relativeConfidenceInterval CI of the relative % by the delta method on meanX/meanY, with
 *     the covariance term when paired, using the same t quantile as the absolute CI
 * @param paired whether the values were paired
 */
public record MeanDifference(
        double meanX,
        double meanY,
        double difference,
        double relativePercent,
        Interval confidenceInterval,
        Interval relativeConfidenceInterval,
        boolean paired) {
}
