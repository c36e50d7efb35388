package io.crystallize.samples.learning;

import java.util.random.RandomGenerator;

/**
 * Logistic regression trained by stochastic gradient descent, optionally on standardised
 * features (means and standard deviations taken from the training set and kept in the model).
 */
public record LogisticModel(double[] weights, double bias, double[] means, double[] scales) {

    public static LogisticModel train(Dataset data, double learningRate, boolean standardise, int epochs, RandomGenerator random) {
        int features = data.trainX()[0].length;
        double[] means = new double[features];
        double[] scales = new double[features];
        java.util.Arrays.fill(scales, 1.0);
        if (standardise) {
            for (double[] x : data.trainX()) {
                for (int j = 0; j < features; j++) {
                    means[j] += x[j] / data.trainX().length;
                }
            }
            for (int j = 0; j < features; j++) {
                double ss = 0;
                for (double[] x : data.trainX()) {
                    ss += (x[j] - means[j]) * (x[j] - means[j]);
                }
                scales[j] = Math.sqrt(ss / (data.trainX().length - 1));
            }
        }
        double[] w = new double[features];
        double b = 0;
        int n = data.trainX().length;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int step = 0; step < n; step++) {
                int i = random.nextInt(n);
                double[] x = scaled(data.trainX()[i], means, scales);
                double error = sigmoid(dot(w, x) + b) - data.trainY()[i];
                for (int j = 0; j < features; j++) {
                    w[j] -= learningRate * error * x[j];
                }
                b -= learningRate * error;
            }
        }
        return new LogisticModel(w, b, means, scales);
    }

    public double probability(double[] raw) {
        return sigmoid(dot(weights, scaled(raw, means, scales)) + bias);
    }

    public double accuracy(double[][] xs, int[] ys) {
        int correct = 0;
        for (int i = 0; i < xs.length; i++) {
            correct += (probability(xs[i]) >= 0.5 ? 1 : 0) == ys[i] ? 1 : 0;
        }
        return correct / (double) xs.length;
    }

    public double logLoss(double[][] xs, int[] ys) {
        double loss = 0;
        for (int i = 0; i < xs.length; i++) {
            double p = Math.min(Math.max(probability(xs[i]), 1e-12), 1 - 1e-12);
            loss -= ys[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return loss / xs.length;
    }

    private static double[] scaled(double[] x, double[] means, double[] scales) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = (x[j] - means[j]) / scales[j];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
