package io.crystallize.benchmarks;

import io.crystallize.hypothesis.Direction;
import io.crystallize.hypothesis.Expectation;
import io.crystallize.hypothesis.Samples;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.hypothesis.Verifier;
import io.crystallize.hypothesis.Verifiers;
import io.crystallize.stats.Alternative;
import io.crystallize.stats.HodgesLehmann;
import io.crystallize.stats.MannWhitney;
import io.crystallize.stats.TTests;
import io.crystallize.stats.TestResult;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Statistics costs, milliseconds per call: Welch and Mann-Whitney on 10^6 values per side, a whole
 * verdict (test, effect size, CIs, MDE) at 1000 per side, and the Hodges-Lehmann shift with its CI
 * at 10^5 and 2·10^5 per side (Report prints their time ratio: near 2 for O(n log n), 4 if quadratic).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StatisticsBenchmark {

    static double[] normal(int n, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller: continuous values, no ties
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            x[i] = shift + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
        return x;
    }

    /** 10^6 values per side. */
    @State(Scope.Benchmark)
    public static class Million {
        double[] baseline;
        double[] treatment;

        @Setup
        public void setUp() {
            baseline = normal(1_000_000, 0, 1);
            treatment = normal(1_000_000, 0.01, 2);
        }
    }

    /** 1000 values per side, paired by replicate (the default test then runs paired t). */
    @State(Scope.Benchmark)
    public static class Thousand {
        Samples samples;
        Verifier verifier = Verifiers.defaultTest();
        Verifier.Question question = new Verifier.Question(Expectation.better(), Direction.HIGHER_IS_BETTER, 0.05);

        @Setup
        public void setUp() {
            samples = Samples.paired("metric", "treatment", normal(1000, 10, 3), normal(1000, 10.1, 4));
        }
    }

    /** Hodges-Lehmann sizes. */
    @State(Scope.Benchmark)
    public static class Shift {
        @Param({"100000", "200000"})
        int n;
        double[] baseline;
        double[] treatment;

        @Setup
        public void setUp() {
            baseline = normal(n, 0, 5);
            treatment = normal(n, 0.05, 6);
        }
    }

    @Benchmark
    public TestResult welch1e6(Million data) {
        return TTests.welch(data.treatment, data.baseline, Alternative.TWO_SIDED);
    }

    @Benchmark
    public TestResult mannWhitney1e6(Million data) {
        return MannWhitney.test(data.treatment, data.baseline, Alternative.TWO_SIDED);
    }

    @Benchmark
    public Verdict wholeVerdict1000(Thousand data) {
        return data.verifier.verify(data.samples, data.question);
    }

    @Benchmark
    public double hodgesLehmann(Shift data) {
        return HodgesLehmann.shift(data.treatment, data.baseline)
                + HodgesLehmann.confidenceInterval(data.treatment, data.baseline, 0.95).lower();
    }
}
