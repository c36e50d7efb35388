package io.crystallize.validity;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The shapes of metric people record, each as a monotone transform of one standard normal draw
 * (a Gaussian copula: two runs whose draws are correlated give correlated metric values with
 * exactly these marginals). A planted effect moves the mean by exactly that amount: a location
 * shift for continuous metrics and constants, a change of rate for 0/1 and count metrics.
 */
enum Population {
    NORMAL("normal(10, 1)", 10, 1, 0.5),
    EXPONENTIAL("exponential(1)", 1, 1, 0.5),
    LOG_NORMAL("log-normal(0, 1)", Math.exp(0.5), Math.sqrt((Math.E - 1) * Math.E), 0.5),
    STUDENT_T3("10 + t(3)", 10, Math.sqrt(3), 0.5),
    BINARY_05("0/1 at p = 0.05", 0.05, Math.sqrt(0.05 * 0.95), 0.025),
    BINARY_20("0/1 at p = 0.2", 0.2, 0.4, 0.1),
    BINARY_50("0/1 at p = 0.5", 0.5, 0.5, 0.25),
    POISSON("Poisson(3)", 3, Math.sqrt(3), 0.5),
    CONSTANT("constant 5", 5, 0, 0.5);

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    private static final Map<String, Double> DIFFERENCE_SDS = new ConcurrentHashMap<>();

    private final String label;
    private final double mean;
    private final double sd;
    private final double margin;

    Population(String label, double mean, double sd, double margin) {
        this.label = label;
        this.mean = mean;
        this.sd = sd;
        this.margin = margin;
    }

    String label() {
        return label;
    }

    /** The short name used in scenario ids. */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    double mean() {
        return mean;
    }

    double sd() {
        return sd;
    }

    /**
     * The absolute margin of the margin scenarios: 0.5 in metric units, half the rate for 0/1
     * metrics (so that a rate moved down by it stays a rate); the relative margin is the same
     * amount in percent of the mean.
     */
    double margin() {
        return margin;
    }

    double relativeMarginPercent() {
        return 100 * margin / mean;
    }

    boolean binary() {
        return this == BINARY_05 || this == BINARY_20 || this == BINARY_50;
    }

    /** Whether an effect is a pure location shift (the whole distribution moves). */
    boolean shiftsLocation() {
        return !binary() && this != POISSON;
    }

    /** Whether an effect of this size keeps the metric's range (a rate stays within [0, 1]). */
    boolean admits(double effect) {
        return switch (this) {
            case BINARY_05, BINARY_20, BINARY_50 -> mean + effect >= 0 && mean + effect <= 1;
            case POISSON -> mean + effect > 0;
            default -> Double.isFinite(effect);
        };
    }

    /** The variance of one run's value with the mean moved by {@code effect}. */
    double variance(double effect) {
        return switch (this) {
            case BINARY_05, BINARY_20, BINARY_50 -> (mean + effect) * (1 - mean - effect);
            case POISSON -> mean + effect;
            default -> sd * sd;
        };
    }

    /**
     * The SD a verdict standardises by when the treatment's mean is moved by {@code effect}: the
     * pooled SD of the two sides, or (paired, draws correlated {@code rho}) the SD of the paired
     * differences, whose correlation term is taken from the unmoved population's.
     */
    double standardisingSd(double effect, boolean paired, double rho) {
        double v0 = variance(0);
        double v1 = variance(effect);
        if (!paired) {
            return Math.sqrt((v0 + v1) / 2);
        }
        double d0 = differenceSd(rho);
        double correlation = v0 == 0 ? 0 : (2 * v0 - d0 * d0) / (2 * v0);
        return Math.sqrt(Math.max(0, v0 + v1 - 2 * correlation * Math.sqrt(v0 * v1)));
    }

    /**
     * The effect equal to the MDE a verdict would report on it: the fixed point of
     * {@code effect = mdeStandardized × standardisingSd(effect)}, reached by iteration (the SD
     * changes slowly with the effect; for shifts it does not change at all). NaN when the
     * metric's range does not hold it.
     */
    double effectAtMde(double mdeStandardized, boolean paired, double rho) {
        double effect = mdeStandardized * standardisingSd(0, paired, rho);
        for (int i = 0; i < 50 && admits(effect); i++) {
            double next = mdeStandardized * standardisingSd(effect, paired, rho);
            if (Math.abs(next - effect) <= 1e-12 * Math.abs(effect)) {
                return next;
            }
            effect = next;
        }
        return admits(effect) ? effect : Double.NaN;
    }

    /** The metric value for standard normal draw {@code z}, with the mean moved by {@code effect}. */
    double value(double z, double effect) {
        return switch (this) {
            case NORMAL -> 10 + z + effect;
            case EXPONENTIAL -> -Math.log(STANDARD_NORMAL.cumulativeProbability(-z)) + effect;
            case LOG_NORMAL -> Math.exp(z) + effect;
            case STUDENT_T3 -> 10 + t3Quantile(z) + effect;
            case BINARY_05, BINARY_20, BINARY_50 -> STANDARD_NORMAL.cumulativeProbability(z) < mean + effect ? 1 : 0;
            case POISSON -> poissonQuantile(STANDARD_NORMAL.cumulativeProbability(z), mean + effect);
            case CONSTANT -> 5 + effect;
        };
    }

    /**
     * The t(3) quantile at probability Φ(z). With θ = atan(t/√3), t(3)'s CDF is
     * 1/2 + (θ + sin(2θ)/2)/π, so the upper tail q = Φ(−|z|) gives ψ = π/2 − |θ| as the root of
     * ψ − sin(2ψ)/2 = πq, found by Newton's method kept inside its bracket (ψ ≈ (3πq/2)^(1/3)
     * to start), and t = √3·cot ψ. Precise in both tails, and far cheaper than a general
     * inverse CDF.
     */
    static double t3Quantile(double z) {
        double q = STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
        double target = Math.PI * q;
        double lo = 0;
        double hi = Math.PI / 2;
        double psi = Math.min(hi, Math.cbrt(1.5 * target));
        for (int i = 0; i < 60; i++) {
            double f = psi - 0.5 * Math.sin(2 * psi) - target;
            if (f > 0) {
                hi = psi;
            } else {
                lo = psi;
            }
            double slope = 2 * Math.sin(psi) * Math.sin(psi);
            double next = slope > 0 ? psi - f / slope : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - psi) <= 1e-15 * psi) {
                psi = next;
                break;
            }
            psi = next;
        }
        double t = Math.sqrt(3) / Math.tan(psi);
        return z < 0 ? -t : t;
    }

    private static double poissonQuantile(double u, double lambda) {
        double p = Math.exp(-lambda);
        double cdf = p;
        int k = 0;
        // stops where the terms no longer add anything (u within rounding of 1)
        while (u > cdf && (p > 0 || k < lambda)) {
            k++;
            p *= lambda / k;
            cdf += p;
        }
        return k;
    }

    /**
     * The SD of the difference of two runs' values whose draws have correlation {@code rho}
     * (0 for independent runs), by simulation with a fixed seed (400,000 pairs: about 0.1%
     * relative error, well inside the Monte-Carlo error of any scenario).
     */
    double differenceSd(double rho) {
        if (rho == 0 || this == CONSTANT) {
            return Math.sqrt(2) * sd;
        }
        if (this == NORMAL) {
            return Math.sqrt(2 * (1 - rho)) * sd;
        }
        return DIFFERENCE_SDS.computeIfAbsent(name() + "@" + rho, key -> simulatedDifferenceSd(rho));
    }

    double simulatedDifferenceSd(double rho) {
        SplittableRandom random = new SplittableRandom(0xD1FFL + ordinal());
        int pairs = 400_000;
        double mean = 0;
        double m2 = 0;
        double own = Math.sqrt(1 - rho);
        double shared = Math.sqrt(rho);
        for (int i = 1; i <= pairs; i++) {
            double common = random.nextGaussian();
            double d = value(shared * common + own * random.nextGaussian(), 0)
                    - value(shared * common + own * random.nextGaussian(), 0);
            double delta = d - mean;
            mean += delta / i;
            m2 += delta * (d - mean);
        }
        return Math.sqrt(m2 / (pairs - 1));
    }
}
