package io.crystallize.hypothesis;

import io.crystallize.stats.MultipleComparisons;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Multiple-comparison corrections over a hypothesis's family (its metrics × treatments). The
 * arithmetic is {@link MultipleComparisons}'; this enum adds the family's bookkeeping (untested
 * verdicts stay out of it) and the names shown in verdicts.
 */
public enum Correction {
    NONE("none", MultipleComparisons.Correction.NONE),
    BONFERRONI("Bonferroni", MultipleComparisons.Correction.BONFERRONI),
    HOLM("Holm", MultipleComparisons.Correction.HOLM),
    BENJAMINI_HOCHBERG("Benjamini-Hochberg", MultipleComparisons.Correction.BENJAMINI_HOCHBERG);

    private final String label;
    private final MultipleComparisons.Correction kernel;

    Correction(String label, MultipleComparisons.Correction kernel) {
        this.label = label;
        this.kernel = kernel;
    }

    public String label() {
        return label;
    }

    /**
     * Adjusted p-values in the input's order, capped at 1. NaN entries (untested verdicts) are
     * left out of the family and stay NaN.
     */
    public double[] adjust(double[] p) {
        int[] tested = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).toArray();
        double[] family = Arrays.stream(tested).mapToDouble(i -> p[i]).toArray();
        double[] adjustedFamily = MultipleComparisons.adjust(kernel, family);
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        for (int k = 0; k < tested.length; k++) {
            adjusted[tested[k]] = adjustedFamily[k];
        }
        return adjusted;
    }
}
