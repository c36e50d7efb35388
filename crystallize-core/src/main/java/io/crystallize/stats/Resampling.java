package io.crystallize.stats;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One seeded bootstrap resampling of one sample, or of two independent samples each within itself,
 * from which intervals of any method and level are read: the sorted resample estimates (percentile,
 * BCa), Efron's jackknife acceleration (BCa, computed when first asked), and — when studentized
 * intervals are wanted — the sorted resample t's with the estimate's standard error.
 */
final class Resampling {

    private final double estimate;
    private final double[] sorted;
    private final Supplier<Double> acceleration;
    private final double standardError;
    private final double[] sortedT;
    private Double knownAcceleration;

    private Resampling(double estimate, double[] replicates, Supplier<Double> acceleration, double standardError,
            double[] studentized) {
        this.estimate = estimate;
        this.sorted = replicates;
        Arrays.sort(sorted);
        this.acceleration = acceleration;
        this.standardError = standardError;
        this.sortedT = studentized;
        if (sortedT != null) {
            Arrays.sort(sortedT);
        }
    }

    static Resampling of(double[] x, SampleStatistic statistic, boolean studentize, int resamples, long seed,
            int threads) {
        Samples.requireAtLeast(x, 2, "x");
        double[] xs = x.clone();
        double estimate = statistic.apply(xs.clone());
        double[] replicates = new double[resamples];
        double[] t = studentize ? new double[resamples] : null;
        Bootstrap.replicate(resamples, threads, b -> {
            RandomGenerator random = Bootstrap.generator(seed, b);
            double[] bx = Bootstrap.resample(xs, random);
            replicates[b] = statistic.apply(bx.clone());
            if (studentize) {
                t[b] = Bootstrap.studentized(replicates[b], estimate, jackknifeError(List.of(
                        Bootstrap.jackknife(bx, statistic))));
            }
        });
        double se = studentize ? jackknifeError(List.of(Bootstrap.jackknife(xs, statistic))) : Double.NaN;
        return new Resampling(estimate, replicates, () -> acceleration(List.of(Bootstrap.jackknife(xs, statistic))),
                se, t);
    }

    static Resampling of(double[] x, double[] y, TwoSampleStatistic statistic, boolean studentize, int resamples,
            long seed, int threads) {
        Samples.requireAtLeast(x, 2, "x");
        Samples.requireAtLeast(y, 2, "y");
        double[] xs = x.clone();
        double[] ys = y.clone();
        double estimate = statistic.apply(xs.clone(), ys.clone());
        double[] replicates = new double[resamples];
        double[] t = studentize ? new double[resamples] : null;
        Bootstrap.replicate(resamples, threads, b -> {
            RandomGenerator random = Bootstrap.generator(seed, b);
            double[] bx = Bootstrap.resample(xs, random);
            double[] by = Bootstrap.resample(ys, random);
            replicates[b] = statistic.apply(bx, by);
            if (studentize) {
                t[b] = Bootstrap.studentized(replicates[b], estimate, standardError(statistic, bx, by));
            }
        });
        double se = studentize ? standardError(statistic, xs, ys) : Double.NaN;
        return new Resampling(estimate, replicates, () -> acceleration(List.of(
                Bootstrap.jackknife(xs, v -> statistic.apply(v, ys.clone())),
                Bootstrap.jackknife(ys, v -> statistic.apply(xs.clone(), v)))), se, t);
    }

    /** The statistic's own standard error, else the jackknife's over both samples. */
    private static double standardError(TwoSampleStatistic statistic, double[] x, double[] y) {
        double own = statistic.standardError(x, y);
        if (!Double.isNaN(own)) {
            return own;
        }
        return jackknifeError(List.of(Bootstrap.jackknife(x, v -> statistic.apply(v, y.clone())),
                Bootstrap.jackknife(y, v -> statistic.apply(x.clone(), v))));
    }

    /** √(Σ over samples of (n − 1)/n · Σ (θ(i) − mean θ(·))²): independent samples' variances add. */
    private static double jackknifeError(List<double[]> jackknifes) {
        double variance = 0;
        for (double[] values : jackknifes) {
            double mean = Arrays.stream(values).average().orElse(0);
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            variance += (values.length - 1.0) / values.length * squares;
        }
        return Math.sqrt(variance);
    }

    /** Efron's acceleration from jackknife values, pooled over the samples. */
    private static double acceleration(List<double[]> jackknifes) {
        double cubes = 0;
        double squares = 0;
        for (double[] values : jackknifes) {
            double mean = Arrays.stream(values).average().orElse(0);
            for (double v : values) {
                double u = mean - v;
                cubes += u * u * u;
                squares += u * u;
            }
        }
        return squares == 0 ? 0 : cubes / (6 * Math.pow(squares, 1.5));
    }

    Interval interval(BootstrapMethod method, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1): " + level);
        }
        double alpha = (1 - level) / 2;
        return switch (method) {
            case PERCENTILE -> new Interval(quantile(sorted, alpha), quantile(sorted, 1 - alpha), level);
            case BCA -> bca(alpha, level);
            case STUDENTIZED -> {
                if (sortedT == null) {
                    throw new IllegalStateException("this resampling has no studentized replicates");
                }
                yield new Interval(estimate - standardError * quantile(sortedT, 1 - alpha),
                        estimate - standardError * quantile(sortedT, alpha), level);
            }
        };
    }

    private Interval bca(double alpha, double level) {
        if (knownAcceleration == null) {
            knownAcceleration = acceleration.get();
        }
        long below = 0;
        long equal = 0;
        for (double r : sorted) {
            if (r < estimate) {
                below++;
            } else if (r == estimate) {
                equal++;
            }
        }
        double share = (below + 0.5 * equal) / sorted.length;
        double z0 = Quantiles.STANDARD_NORMAL.inverseCumulativeProbability(share);
        double a = knownAcceleration;
        double lowLevel = bcaLevel(z0, a, Quantiles.STANDARD_NORMAL.inverseCumulativeProbability(alpha));
        double highLevel = bcaLevel(z0, a, Quantiles.STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha));
        return new Interval(quantile(sorted, lowLevel), quantile(sorted, highLevel), level);
    }

    private static double bcaLevel(double z0, double a, double z) {
        double shifted = z0 + z;
        return Quantiles.STANDARD_NORMAL.cumulativeProbability(z0 + shifted / (1 - a * shifted));
    }

    private static double quantile(double[] sorted, double q) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * Math.min(1, Math.max(0, q));
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        if (sorted[lo] == sorted[hi]) {
            return sorted[lo];
        }
        if (Double.isInfinite(sorted[lo]) || Double.isInfinite(sorted[hi])) {
            // resample t's without a standard error are infinite: take the farther one, the interval widens
            return q >= 0.5 ? sorted[hi] : sorted[lo];
        }
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
