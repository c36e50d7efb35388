package io.crystallize.stats;

/** mean(x) − mean(y), with its unpooled (Welch) standard error √(s²x/nx + s²y/ny). */
final class DifferenceOfMeans implements TwoSampleStatistic {

    static final DifferenceOfMeans INSTANCE = new DifferenceOfMeans();

    private DifferenceOfMeans() {
    }

    @Override
    public double apply(double[] x, double[] y) {
        return Samples.mean(x) - Samples.mean(y);
    }

    @Override
    public double standardError(double[] x, double[] y) {
        return Math.sqrt(Samples.variance(x) / x.length + Samples.variance(y) / y.length);
    }
}
