package io.crystallize.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

/**
 * Seeded bootstrap confidence intervals (percentile and BCa) for a statistic of one sample or of
 * two independent samples (each resampled within itself). Resample b draws from its own generator
 * derived from the seed and b alone, so the interval is bit-identical for any thread count.
 * Quantiles interpolate linearly between order statistics (NumPy's default).
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    public static Interval confidenceInterval(double[] x, SampleStatistic statistic, BootstrapMethod method,
            double level, int resamples, long seed, int threads) {
        Samples.requireAtLeast(x, 2, "x");
        double[] xs = x.clone();
        double estimate = statistic.apply(xs.clone());
        double[] replicates = replicate(resamples, threads, b -> {
            RandomGenerator random = SeededStreams.forIndex(seed, b);
            return statistic.apply(resample(xs, random));
        });
        double acceleration = method == BootstrapMethod.BCA
                ? acceleration(List.of(jackknife(xs, statistic))) : 0;
        return interval(replicates, estimate, acceleration, method, level);
    }

    public static Interval confidenceInterval(double[] x, double[] y, TwoSampleStatistic statistic,
            BootstrapMethod method, double level, int resamples, long seed, int threads) {
        Samples.requireAtLeast(x, 2, "x");
        Samples.requireAtLeast(y, 2, "y");
        double[] xs = x.clone();
        double[] ys = y.clone();
        double estimate = statistic.apply(xs.clone(), ys.clone());
        double[] replicates = replicate(resamples, threads, b -> {
            RandomGenerator random = SeededStreams.forIndex(seed, b);
            double[] bx = resample(xs, random);
            double[] by = resample(ys, random);
            return statistic.apply(bx, by);
        });
        double acceleration = 0;
        if (method == BootstrapMethod.BCA) {
            double[] jx = jackknife(xs, v -> statistic.apply(v, ys.clone()));
            double[] jy = jackknife(ys, v -> statistic.apply(xs.clone(), v));
            acceleration = acceleration(List.of(jx, jy));
        }
        return interval(replicates, estimate, acceleration, method, level);
    }

    private interface Replicate {
        double compute(int index);
    }

    private static double[] replicate(int resamples, int threads, Replicate replicate) {
        if (resamples < 2) {
            throw new IllegalArgumentException("need at least 2 resamples: " + resamples);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        double[] out = new double[resamples];
        if (threads == 1) {
            for (int b = 0; b < resamples; b++) {
                out[b] = replicate.compute(b);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            int chunk = (resamples + threads - 1) / threads;
            for (int start = 0; start < resamples; start += chunk) {
                int from = start;
                int to = Math.min(resamples, start + chunk);
                parts.add(pool.submit(() -> {
                    for (int b = from; b < to; b++) {
                        out[b] = replicate.compute(b);
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bootstrap statistic failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static double[] resample(double[] x, RandomGenerator random) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = x[random.nextInt(x.length)];
        }
        return r;
    }

    private static double[] jackknife(double[] x, SampleStatistic statistic) {
        double[] out = new double[x.length];
        double[] rest = new double[x.length - 1];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0, k = 0; j < x.length; j++) {
                if (j != i) {
                    rest[k++] = x[j];
                }
            }
            out[i] = statistic.apply(rest.clone());
        }
        return out;
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

    private static Interval interval(double[] replicates, double estimate, double acceleration,
            BootstrapMethod method, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1): " + level);
        }
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        double alpha = (1 - level) / 2;
        double lowLevel = alpha;
        double highLevel = 1 - alpha;
        if (method == BootstrapMethod.BCA) {
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
            lowLevel = bcaLevel(z0, acceleration, Quantiles.STANDARD_NORMAL.inverseCumulativeProbability(alpha));
            highLevel = bcaLevel(z0, acceleration, Quantiles.STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha));
        }
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
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
