package io.crystallize.hypothesis;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a verifier compares: one value per run of a metric for the baseline and a treatment, with
 * their replicate indices, and the replicate-matched pairs (replicates where both have a value).
 *
 * @param sharedSeeds whether baseline and treatment of a replicate share a seed (common random
 *                    numbers), which makes pairing meaningful
 * @param conditions  every condition's values of the metric (one per run), baseline first, in
 *                    declaration order; for tests of all conditions at once (one-way ANOVA). Empty
 *                    when only the two compared sides are known, which such tests then use.
 */
public record Samples(
        String metric,
        String treatment,
        double[] baseline,
        int[] baselineReplicates,
        double[] treatmentValues,
        int[] treatmentReplicates,
        boolean sharedSeeds,
        Map<String, double[]> conditions) {

    public Samples {
        if (baseline.length != baselineReplicates.length || treatmentValues.length != treatmentReplicates.length) {
            throw new IllegalArgumentException("values and replicate indices differ in length");
        }
        conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    }

    /** Samples of the two compared sides only (no other conditions known). */
    public Samples(String metric, String treatment, double[] baseline, int[] baselineReplicates,
            double[] treatmentValues, int[] treatmentReplicates, boolean sharedSeeds) {
        this(metric, treatment, baseline, baselineReplicates, treatmentValues, treatmentReplicates, sharedSeeds,
                Map.of());
    }

    /** The same samples, knowing every condition's values (baseline first). */
    public Samples withConditions(Map<String, double[]> all) {
        return new Samples(metric, treatment, baseline, baselineReplicates, treatmentValues, treatmentReplicates,
                sharedSeeds, all);
    }

    /** Unpaired samples, replicate indices 0..n−1, without shared seeds. */
    public static Samples of(String metric, String treatment, double[] baseline, double[] treatment_) {
        return new Samples(metric, treatment, baseline, indices(baseline.length), treatment_,
                indices(treatment_.length), false);
    }

    /** Paired samples: element i of each is replicate i. */
    public static Samples paired(String metric, String treatment, double[] baseline, double[] treatment_) {
        return new Samples(metric, treatment, baseline, indices(baseline.length), treatment_,
                indices(treatment_.length), true);
    }

    /** Baseline values of the replicates that both sides have, in replicate order. */
    public double[] pairedBaseline() {
        return pairs()[0];
    }

    /** Treatment values of the replicates that both sides have, in replicate order. */
    public double[] pairedTreatment() {
        return pairs()[1];
    }

    private double[][] pairs() {
        double[] b = new double[Math.min(baseline.length, treatmentValues.length)];
        double[] t = new double[b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < baseline.length && j < treatmentValues.length) {
            if (baselineReplicates[i] == treatmentReplicates[j]) {
                b[n] = baseline[i++];
                t[n++] = treatmentValues[j++];
            } else if (baselineReplicates[i] < treatmentReplicates[j]) {
                i++;
            } else {
                j++;
            }
        }
        return new double[][] {Arrays.copyOf(b, n), Arrays.copyOf(t, n)};
    }

    private static int[] indices(int n) {
        int[] r = new int[n];
        Arrays.setAll(r, k -> k);
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Samples s && metric.equals(s.metric) && treatment.equals(s.treatment)
                && Arrays.equals(baseline, s.baseline) && Arrays.equals(baselineReplicates, s.baselineReplicates)
                && Arrays.equals(treatmentValues, s.treatmentValues)
                && Arrays.equals(treatmentReplicates, s.treatmentReplicates) && sharedSeeds == s.sharedSeeds
                && sameConditions(conditions, s.conditions);
    }

    private static boolean sameConditions(Map<String, double[]> a, Map<String, double[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
    }

    @Override
    public int hashCode() {
        return metric.hashCode() * 31 + treatment.hashCode();
    }

    @Override
    public String toString() {
        return "Samples[" + metric + ": baseline n=" + baseline.length + ", " + treatment + " n=" + treatmentValues.length + "]";
    }
}
