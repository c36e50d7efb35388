package io.crystallize.hypothesis;

import io.crystallize.stats.MultipleComparisons;

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
        int tested = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                tested++;
            }
        }
        double[] family = new double[tested];
        int k = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                family[k++] = v;
            }
        }
        double[] adjustedFamily = MultipleComparisons.adjust(kernel, family);
        double[] adjusted = new double[p.length];
        k = 0;
        for (int i = 0; i < p.length; i++) {
            adjusted[i] = Double.isNaN(p[i]) ? Double.NaN : adjustedFamily[k++];
        }
        return adjusted;
    }
}
