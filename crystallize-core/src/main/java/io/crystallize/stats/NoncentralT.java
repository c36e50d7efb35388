package io.crystallize.stats;

import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * CDF of the noncentral t distribution by the Poisson-mixture series of Lenth (AS 243):
 * for t >= 0, F(t) = Φ(-δ) + ½ Σ_j [P_j I_x(j + ½, ν/2) + Q_j I_x(j + 1, ν/2)] with
 * x = t² / (t² + ν), P_j = e^{-λ} λ^j / j!, Q_j = δ e^{-λ} λ^j / (√2 Γ(j + 3/2)), λ = δ²/2;
 * for t < 0, F(t; ν, δ) = 1 - F(-t; ν, -δ). The weights are carried in logs so large δ neither
 * underflows nor overflows; the series runs far enough past λ that the omitted Poisson mass is
 * below 1e-30.
 */
final class NoncentralT {

    private static final double LOG_GAMMA_THREE_HALVES = Math.log(Math.sqrt(Math.PI) / 2);

    private NoncentralT() {
    }

    static double cdf(double t, double df, double delta) {
        if (t < 0) {
            return 1 - cdfNonNegative(-t, df, -delta);
        }
        return cdfNonNegative(t, df, delta);
    }

    /** P(T > t). */
    static double survival(double t, double df, double delta) {
        if (t < 0) {
            return cdfNonNegative(-t, df, -delta);
        }
        return 1 - cdfNonNegative(t, df, delta);
    }

    private static double cdfNonNegative(double t, double df, double delta) {
        double base = Quantiles.STANDARD_NORMAL.cumulativeProbability(-delta);
        if (t == 0) {
            return base;
        }
        double x = t * t / (t * t + df);
        double lambda = delta * delta / 2;
        double halfDf = df / 2;
        if (lambda == 0) {
            return base + 0.5 * RegularizedBeta.value(x, 0.5, halfDf);
        }
        double logLambda = Math.log(lambda);
        double logP = -lambda;
        double logQ = Math.log(Math.abs(delta)) - lambda - 0.5 * Math.log(2) - LOG_GAMMA_THREE_HALVES;
        double signQ = Math.signum(delta);
        int last = (int) Math.ceil(lambda + 12 * Math.sqrt(lambda) + 40);
        // I_x(a + 1, b) = I_x(a, b) - g(a), g(a) = x^a (1-x)^b / (a B(a, b)), g(a + 1) = g(a) x (a + b) / (a + 1):
        // two incomplete beta evaluations instead of two per term (Lenth's AS 243 recurrences)
        double logX = Math.log(x);
        double log1mX = Math.log1p(-x);
        double ip = RegularizedBeta.value(x, 0.5, halfDf);
        double iq = RegularizedBeta.value(x, 1.0, halfDf);
        double gp = Math.exp(0.5 * logX + halfDf * log1mX - Math.log(0.5) - LogBeta.value(0.5, halfDf));
        double gq = Math.exp(logX + halfDf * log1mX - LogBeta.value(1.0, halfDf));
        double sum = 0;
        for (int j = 0; j <= last; j++) {
            if (j > 0) {
                logP += logLambda - Math.log(j);
                logQ += logLambda - Math.log(j + 0.5);
                double aP = j - 0.5;
                double aQ = j;
                ip -= gp;
                iq -= gq;
                gp *= x * (aP + halfDf) / (aP + 1);
                gq *= x * (aQ + halfDf) / (aQ + 1);
            }
            double p = Math.exp(logP);
            double q = Math.exp(logQ);
            if (p == 0 && q == 0) {
                if (j > lambda) {
                    break;
                }
                continue;
            }
            sum += p * Math.max(ip, 0) + signQ * q * Math.max(iq, 0);
        }
        return Math.min(1, Math.max(0, base + 0.5 * sum));
    }
}
