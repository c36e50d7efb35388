package io.crystallize.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class EffectSizesTest {

    @Test
    void meanDifferenceCarriesTheWelchIntervalAndARelativeInterval() {
        double[] x = {10.4, 11.2, 9.8, 10.9, 11.5, 10.1};
        double[] y = {10.0, 9.6, 10.2, 9.9, 10.4, 9.7, 10.1};
        MeanDifference md = EffectSizes.meanDifference(x, y);
        assertThat(md.difference()).isCloseTo(Samples.mean(x) - Samples.mean(y), within(1e-15));
        assertThat(md.relativePercent()).isCloseTo(100 * md.difference() / md.meanY(), within(1e-12));
        assertThat(md.confidenceInterval()).isEqualTo(TTests.welch(x, y, Alternative.TWO_SIDED).confidenceInterval());
        assertThat(md.relativeConfidenceInterval().contains(md.relativePercent())).isTrue();
        // delta method with independent means: se% = 100 sqrt(vx/(n1 my^2) + mx^2 vy/(n2 my^4))
        double mx = md.meanX();
        double my = md.meanY();
        double se = 100 * Math.sqrt(Samples.variance(x) / x.length / (my * my)
                + mx * mx * Samples.variance(y) / y.length / Math.pow(my, 4));
        double halfWidth = md.relativeConfidenceInterval().width() / 2;
        double df = TTests.welch(x, y, Alternative.TWO_SIDED).degreesOfFreedom();
        assertThat(halfWidth).isCloseTo(Quantiles.tUpper(df, 0.025) * se, within(1e-9));
    }

    @Test
    void pairedRelativeIntervalUsesTheCovariance() {
        SplittableRandom random = new SplittableRandom(4);
        double[] y = new double[30];
        double[] x = new double[30];
        for (int i = 0; i < y.length; i++) {
            y[i] = 100 + 10 * random.nextGaussian();
            x[i] = y[i] * 1.05 + random.nextGaussian();
        }
        MeanDifference paired = EffectSizes.pairedMeanDifference(x, y);
        MeanDifference independent = EffectSizes.meanDifference(x, y);
        assertThat(paired.paired()).isTrue();
        assertThat(paired.relativeConfidenceInterval().width())
                .isLessThan(independent.relativeConfidenceInterval().width() / 3);
        assertThat(paired.relativeConfidenceInterval().contains(5.0)).isTrue();
        assertThat(paired.confidenceInterval()).isEqualTo(TTests.paired(x, y, Alternative.TWO_SIDED).confidenceInterval());
    }

    @Test
    void standardisedEffects() {
        double[] x = {5.1, 4.8, 6.0, 5.5, 5.9, 6.3};
        double[] y = {4.1, 4.9, 4.4, 5.0, 4.2, 4.6};
        double d = EffectSizes.cohensD(x, y);
        assertThat(EffectSizes.hedgesG(x, y)).isCloseTo(d * (1 - 3.0 / (4 * 12 - 9)), within(1e-15));
        double dz = EffectSizes.dz(x, y);
        assertThat(dz * Math.sqrt(x.length)).isCloseTo(TTests.paired(x, y, Alternative.TWO_SIDED).statistic(),
                within(1e-12));
        assertThat(EffectSizes.cohensD(y, x)).isCloseTo(-d, within(1e-15));
    }

    @Test
    void rankBiserialFollowsU() {
        double[] x = {3, 5, 7, 9};
        double[] y = {1, 2, 4, 6, 8};
        double u = MannWhitney.test(x, y, Alternative.TWO_SIDED).statistic();
        assertThat(EffectSizes.rankBiserial(x, y)).isCloseTo(2 * u / 20 - 1, within(1e-15));
        assertThat(EffectSizes.rankBiserial(new double[] {10, 11}, new double[] {1, 2, 3})).isEqualTo(1.0);
        assertThat(EffectSizes.rankBiserial(new double[] {1, 2}, new double[] {1, 2})).isEqualTo(0.0);
        assertThat(EffectSizes.matchedPairsRankBiserial(new double[] {2, 3, 4}, new double[] {1, 1, 1})).isEqualTo(1.0);
        assertThat(EffectSizes.matchedPairsRankBiserial(new double[] {2, 0, 5}, new double[] {1, 1, 5}))
                .isEqualTo(0.0);
    }
}
