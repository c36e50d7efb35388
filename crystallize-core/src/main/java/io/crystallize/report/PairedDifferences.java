package io.crystallize.report;

import io.crystallize.base.MetricSeries;
import java.util.Arrays;

/** Per replicate differences treatment − baseline (each side's mean when a run recorded several values). */
final class PairedDifferences {

    private PairedDifferences() {
    }

    static double[] of(MetricSeries baseline, MetricSeries treatment) {
        double[] differences = new double[Math.min(baseline.size(), treatment.size())];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < baseline.size() && j < treatment.size()) {
            int rb = baseline.replicate(i);
            int rt = treatment.replicate(j);
            if (rb < rt) {
                i = next(baseline, i);
            } else if (rt < rb) {
                j = next(treatment, j);
            } else {
                int endB = next(baseline, i);
                int endT = next(treatment, j);
                double d = mean(treatment, j, endT) - mean(baseline, i, endB);
                if (Double.isFinite(d)) {
                    differences[n++] = d;
                }
                i = endB;
                j = endT;
            }
        }
        return Arrays.copyOf(differences, n);
    }

    private static int next(MetricSeries s, int from) {
        int r = s.replicate(from);
        int to = from + 1;
        while (to < s.size() && s.replicate(to) == r) {
            to++;
        }
        return to;
    }

    private static double mean(MetricSeries s, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += s.value(k);
        }
        return sum / (to - from);
    }
}
