package io.crystallize.samples.learning;

import java.util.random.RandomGenerator;

/**
 * A synthetic binary classification set: the label depends on two features of very different
 * scales (the second is measured in "hundreds"), with label noise.
 */
public record Dataset(double[][] trainX, int[] trainY, double[][] testX, int[] testY) {

    public static Dataset generate(RandomGenerator random, int trainSize, int testSize) {
        double[][] trainX = new double[trainSize][];
        int[] trainY = new int[trainSize];
        double[][] testX = new double[testSize][];
        int[] testY = new int[testSize];
        for (int i = 0; i < trainSize + testSize; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian() * 100;
            double logit = 1.5 * a - 0.02 * b + 0.5 * random.nextGaussian();
            int label = logit > 0 ? 1 : 0;
            if (i < trainSize) {
                trainX[i] = new double[] {a, b};
                trainY[i] = label;
            } else {
                testX[i - trainSize] = new double[] {a, b};
                testY[i - trainSize] = label;
            }
        }
        return new Dataset(trainX, trainY, testX, testY);
    }
}
