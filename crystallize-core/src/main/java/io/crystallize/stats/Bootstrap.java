package io.crystallize.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * Seeded bootstrap confidence intervals (percentile, BCa and studentized) for a statistic of one
 * sample or of two independent samples (each resampled within itself). Resample b draws from its
 * own generator derived from the seed and b alone, so the interval is bit-identical for any thread
 * count, and intervals of several levels from one call equal those of separate calls with the same
 * seed. Quantiles interpolate linearly between order statistics (NumPy's default).
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    public static Interval confidenceInterval(double[] x, SampleStatistic statistic, BootstrapMethod method,
            double level, int resamples, long seed, int threads) {
        return Resampling.of(x, statistic, method == BootstrapMethod.STUDENTIZED, resamples, seed, threads)
                .interval(method, level);
    }

    public static Interval confidenceInterval(double[] x, double[] y, TwoSampleStatistic statistic,
            BootstrapMethod method, double level, int resamples, long seed, int threads) {
        return confidenceIntervals(x, y, statistic, method, new double[] {level}, resamples, seed, threads)[0];
    }

    /** Intervals at several levels from one resampling: each equals its own call with the same seed. */
    public static Interval[] confidenceIntervals(double[] x, double[] y, TwoSampleStatistic statistic,
            BootstrapMethod method, double[] levels, int resamples, long seed, int threads) {
        Resampling r = Resampling.of(x, y, statistic, method == BootstrapMethod.STUDENTIZED, resamples, seed, threads);
        Interval[] out = new Interval[levels.length];
        for (int i = 0; i < levels.length; i++) {
            out[i] = r.interval(method, levels[i]);
        }
        return out;
    }

    /** Runs {@code body} for every resample index, split over threads. */
    static void replicate(int resamples, int threads, IntConsumer body) {
        if (resamples < 2) {
            throw new IllegalArgumentException("need at least 2 resamples: " + resamples);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        if (threads == 1) {
            for (int b = 0; b < resamples; b++) {
                body.accept(b);
            }
            return;
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
                        body.accept(b);
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
    }

    static double[] resample(double[] x, RandomGenerator random) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = x[random.nextInt(x.length)];
        }
        return r;
    }

    /** The statistic of x without each value in turn. */
    static double[] jackknife(double[] x, SampleStatistic statistic) {
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

    /** The resamples' t: (resample estimate − estimate) / resample standard error; 0/0 is 0. */
    static double studentized(double replicate, double estimate, double standardError) {
        double deviation = replicate - estimate;
        if (standardError > 0) {
            return deviation / standardError;
        }
        return deviation == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, deviation);
    }

    static RandomGenerator generator(long seed, int index) {
        return SeededStreams.forIndex(seed, index);
    }
}
