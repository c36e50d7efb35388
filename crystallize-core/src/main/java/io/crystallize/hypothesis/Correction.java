package io.crystallize.hypothesis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Multiple-comparison corrections over a hypothesis's family (its metrics × treatments). */
public enum Correction {
    NONE("none"),
    BONFERRONI("Bonferroni"),
    HOLM("Holm"),
    BENJAMINI_HOCHBERG("Benjamini-Hochberg");

    private final String label;

    Correction(String label) {
        this.label = label;
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
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = tested.length;
        Integer[] order = Arrays.stream(tested).boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        switch (this) {
            case NONE -> {
                for (int i : tested) {
                    adjusted[i] = p[i];
                }
            }
            case BONFERRONI -> {
                for (int i : tested) {
                    adjusted[i] = Math.min(1, p[i] * m);
                }
            }
            case HOLM -> {
                double running = 0;
                for (int k = 0; k < m; k++) {
                    running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
                    adjusted[order[k]] = running;
                }
            }
            case BENJAMINI_HOCHBERG -> {
                double running = 1;
                for (int k = m - 1; k >= 0; k--) {
                    running = Math.min(running, Math.min(1, p[order[k]] * m / (k + 1)));
                    adjusted[order[k]] = running;
                }
            }
        }
        return adjusted;
    }
}
