package io.crystallize.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.statistics.inference.OneWayAnova;

/**
 * One-way ANOVA F test of "any difference among all groups", as SciPy's {@code f_oneway}. The
 * result's degrees of freedom are the between-groups df k - 1; the within-groups df N - k is named
 * in the method description.
 */
public final class Anova {

    private Anova() {
    }

    public static TestResult oneWay(List<double[]> groups) {
        if (groups.size() < 2) {
            throw new IllegalArgumentException("ANOVA needs at least two groups");
        }
        List<Integer> sizes = new ArrayList<>();
        int total = 0;
        for (double[] g : groups) {
            Samples.requireAtLeast(g, 1, "group");
            Samples.requireFinite(g, "group");
            sizes.add(g.length);
            total += g.length;
        }
        OneWayAnova.Result r = OneWayAnova.withDefaults().test(groups);
        int between = groups.size() - 1;
        int within = total - groups.size();
        return new TestResult("one-way ANOVA", TestMethod.parametric(Computation.EXACT,
                "one-way ANOVA, F(" + between + ", " + within + ")"),
                Alternative.TWO_SIDED, r.getStatistic(), r.getPValue(), between, sizes, null);
    }
}
