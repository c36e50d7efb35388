package io.crystallize.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.apache.commons.statistics.inference.TTest;
import org.junit.jupiter.api.Test;

/**
 * {@link IndependentMeans} and {@link PairedMeans} compute the t-tests' moments once and share
 * them with the effect sizes: every figure must equal, bit for bit, the one computed the way it
 * was before, from the arrays (the t-test kernel on the values, the CI's quantile at the kernel's
 * degrees of freedom).
 */
class SharedMeansTest {

    /** The upper tail of a 95% CI as the t-tests compute it (not quite 0.025 in binary). */
    private static final double TAIL = (1 - 0.95) / 2;

    private static double[] sample(SplittableRandom random, int n) {
        double scale = Math.pow(10, random.nextInt(-6, 7));
        double offset = random.nextBoolean() ? 0 : scale * random.nextDouble(-1e4, 1e4);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = offset + scale * (random.nextBoolean() ? random.nextGaussian() : random.nextDouble());
        }
        return v;
    }

    private static TTest kernel(Alternative alternative, double mu) {
        return TTest.withDefaults().with(TTests.toCommons(alternative)).withMu(mu);
    }

    @Test
    void independentMeansMatchTheWelchTestAndIntervalsFromTheArrays() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 2000; trial++) {
            double[] x = sample(random, 2 + random.nextInt(40));
            double[] y = random.nextInt(4) == 0 ? x.clone() : sample(random, 2 + random.nextInt(40));
            Alternative alternative = Alternative.values()[random.nextInt(3)];
            double mu = random.nextBoolean() ? 0 : random.nextGaussian();
            IndependentMeans means = IndependentMeans.of(x, y);

            TestResult shared = means.welch(alternative, mu);
            TTest.Result direct = kernel(alternative, mu).test(x, y);
            assertThat(shared.statistic()).isEqualTo(direct.getStatistic());
            assertThat(shared.pValue()).isEqualTo(direct.getPValue());
            double df = direct.getDegreesOfFreedom();
            assertThat(shared.degreesOfFreedom()).isEqualTo(df);
            double q = Quantiles.tUpper(df, TAIL);
            double difference = Samples.mean(x) - Samples.mean(y);
            double se = Math.sqrt(Samples.variance(x) / x.length + Samples.variance(y) / y.length);
            assertThat(shared.confidenceInterval()).isEqualTo(new Interval(difference - q * se, difference + q * se, 0.95));

            MeanDifference md = means.meanDifference();
            assertThat(md.confidenceInterval()).isEqualTo(shared.confidenceInterval());
            assertThat(md.relativeConfidenceInterval()).isEqualTo(relativeInterval(Samples.mean(x), Samples.mean(y),
                    Samples.variance(x) / x.length, Samples.variance(y) / y.length, 0, q));
            assertThat(means.hedgesG()).isEqualTo(EffectSizes.cohensD(x, y) * (1 - 3.0 / (4.0 * (x.length + y.length) - 9)));
        }
    }

    @Test
    void pairedMeansMatchThePairedTestAndIntervalsFromTheArrays() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 2000; trial++) {
            double[] y = sample(random, 2 + random.nextInt(40));
            double[] x = y.clone();
            double spread = Math.pow(10, random.nextInt(-6, 3));
            for (int i = 0; i < x.length; i++) {
                x[i] += spread * random.nextGaussian();
            }
            Alternative alternative = Alternative.values()[random.nextInt(3)];
            double mu = random.nextBoolean() ? 0 : spread * random.nextGaussian();
            PairedMeans means = PairedMeans.of(x, y);
            double[] d = Samples.differences(x, y);

            TestResult shared = means.pairedT(alternative, mu);
            TTest.Result direct = kernel(alternative, mu).test(d);
            assertThat(shared.statistic()).isEqualTo(direct.getStatistic());
            assertThat(shared.pValue()).isEqualTo(direct.getPValue());
            assertThat(shared.degreesOfFreedom()).isEqualTo(direct.getDegreesOfFreedom());
            double q = Quantiles.tUpper(d.length - 1.0, TAIL);
            double meanDifference = Samples.mean(d);
            double se = Math.sqrt(Samples.variance(d) / d.length);
            assertThat(shared.confidenceInterval())
                    .isEqualTo(new Interval(meanDifference - q * se, meanDifference + q * se, 0.95));

            MeanDifference md = means.meanDifference();
            assertThat(md.confidenceInterval()).isEqualTo(shared.confidenceInterval());
            int n = x.length;
            assertThat(md.relativeConfidenceInterval()).isEqualTo(relativeInterval(Samples.mean(x), Samples.mean(y),
                    Samples.variance(x) / n, Samples.variance(y) / n, Samples.covariance(x, y) / n, q));
            assertThat(means.dz()).isEqualTo(meanDifference / Math.sqrt(Samples.variance(d)));
        }
    }

    private static Interval relativeInterval(double mx, double my, double varMx, double varMy, double covMeans,
            double q) {
        double relative = 100 * (mx - my) / my;
        double ratio = mx / my;
        double se = 100 * Math.sqrt(Math.max(0, (varMx - 2 * ratio * covMeans + ratio * ratio * varMy) / (my * my)));
        return new Interval(relative - q * se, relative + q * se, 0.95);
    }
}
