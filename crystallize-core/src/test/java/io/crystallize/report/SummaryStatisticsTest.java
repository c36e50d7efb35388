package io.crystallize.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crystallize.base.MetricSeries;
import io.crystallize.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The report's exact statistics against NumPy and SciPy (summary-vectors.json, made by
 * src/test/python/report_vectors.py): quartiles, SD, Tukey's whiskers, the t interval of the mean.
 */
class SummaryStatisticsTest {

    private static List<JsonNode> cases() throws IOException {
        try (InputStream in = SummaryStatisticsTest.class.getResourceAsStream("summary-vectors.json")) {
            JsonNode root = Json.MAPPER.readTree(in);
            return root.get("cases").valueStream().toList();
        }
    }

    private static double[] values(JsonNode c) {
        return c.get("values").valueStream().mapToDouble(JsonNode::asDouble).toArray();
    }

    private static double tolerance(double expected) {
        return 1e-9 * Math.max(1, Math.abs(expected));
    }

    @Test
    void distributionMatchesNumPy() throws IOException {
        for (JsonNode c : cases()) {
            Distribution d = Distribution.of(values(c));
            String name = c.get("name").asString();
            assertThat(d.n()).as(name).isEqualTo(c.get("n").asInt());
            for (String[] pair : new String[][] {{"mean", "mean"}, {"sd", "sd"}, {"min", "min"}, {"q1", "q1"},
                {"median", "median"}, {"q3", "q3"}, {"max", "max"}, {"whiskerLow", "whisker_low"},
                {"whiskerHigh", "whisker_high"}}) {
                double expected = c.get(pair[1]).asDouble();
                assertThat(component(d, pair[0])).as(name + " " + pair[0]).isCloseTo(expected, within(tolerance(expected)));
            }
        }
    }

    @Test
    void meanIntervalMatchesSciPy() throws IOException {
        for (JsonNode c : cases()) {
            double[] values = values(c);
            int[] replicates = new int[values.length];
            Arrays.setAll(replicates, i -> i);
            Moments m = Moments.of(new MetricSeries(values, replicates));
            String name = c.get("name").asString();
            assertThat(m.mean()).as(name).isCloseTo(c.get("mean").asDouble(), within(tolerance(c.get("mean").asDouble())));
            assertThat(m.ciLow()).as(name).isCloseTo(c.get("ci_low").asDouble(), within(tolerance(c.get("ci_low").asDouble())));
            assertThat(m.ciHigh()).as(name).isCloseTo(c.get("ci_high").asDouble(),
                    within(tolerance(c.get("ci_high").asDouble())));
        }
    }

    @Test
    void nonFiniteValuesAreCountedAndLeftOut() {
        Distribution d = Distribution.of(new double[] {1, Double.NaN, 3, Double.POSITIVE_INFINITY, 2});

        assertThat(d.n()).isEqualTo(3);
        assertThat(d.nonFinite()).isEqualTo(2);
        assertThat(d.mean()).isEqualTo(2.0);
        assertThat(d.sample()).containsExactly(1, 2, 3);
        Moments m = Moments.of(new MetricSeries(new double[] {Double.NaN, 4}, new int[] {0, 1}));
        assertThat(m.n()).isEqualTo(1);
        assertThat(m.ciLow()).isNaN();
    }

    @Test
    void largeSamplesArePlottedAsEvenlySpacedQuantilesWithTheExtremes() {
        double[] values = new double[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7919L) % values.length; // 0 .. 99,999 shuffled
        }
        Distribution d = Distribution.of(values);

        assertThat(d.n()).isEqualTo(100_000);
        assertThat(d.mean()).isEqualTo(49_999.5);
        assertThat(d.sample()).hasSize(Distribution.POINTS);
        assertThat(d.sample()[0]).isEqualTo(0);
        assertThat(d.sample()[Distribution.POINTS - 1]).isEqualTo(99_999);
        // quantiles of a 4,000-value random sample: the middle point within a few standard errors of the median
        assertThat(d.sample()[Distribution.POINTS / 2]).isCloseTo(50_000, within(3_000.0));
        assertThat(d.sample()).isSorted();
        assertThat(d.median()).as("the table's statistics use every value").isEqualTo(49_999.5);
        assertThat(d.q1()).isEqualTo(24_999.75);
        assertThat(values[1]).as("the input is not modified").isEqualTo(7919);
        assertThat(Distribution.of(values).sample()).as("the same picture every time").isEqualTo(d.sample());
    }

    @Test
    void mediumSamplesArePlottedAsExactQuantiles() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 999 - i;
        }
        Distribution d = Distribution.of(values);

        assertThat(d.sample()).hasSize(Distribution.POINTS);
        assertThat(d.sample()[0]).isEqualTo(0);
        assertThat(d.sample()[1]).isEqualTo(3); // round(1 * 999 / 399)
        assertThat(d.sample()[Distribution.POINTS - 1]).isEqualTo(999);
    }

    @Test
    void selectionPutsTheOrderStatisticWhereASortWould() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        List<double[]> inputs = new java.util.ArrayList<>();
        inputs.add(random.doubles(1001, -1, 1).toArray());
        inputs.add(random.ints(5000, 0, 7).asDoubleStream().toArray()); // many ties
        double[] ascending = new double[3000];
        Arrays.setAll(ascending, i -> i);
        inputs.add(ascending);
        double[] descending = new double[3000];
        Arrays.setAll(descending, i -> -i);
        inputs.add(descending);
        inputs.add(new double[500]); // all equal
        for (double[] input : inputs) {
            double[] sorted = input.clone();
            Arrays.sort(sorted);
            for (int k : new int[] {0, 1, input.length / 4, input.length / 2, input.length - 2, input.length - 1}) {
                double[] a = input.clone();
                Selection.select(a, 0, a.length, k);
                assertThat(a[k]).isEqualTo(sorted[k]);
                for (int i = 0; i < a.length; i++) {
                    assertThat(i < k ? a[i] <= a[k] : a[i] >= a[k]).as("position " + i + " around " + k).isTrue();
                }
            }
            double[] quartiles = Selection.quartiles(input.clone(), input.length);
            for (int q = 0; q < 3; q++) {
                double h = (input.length - 1) * (q + 1) / 4.0;
                int below = (int) Math.floor(h);
                double expected = sorted[below] + (h - below) * (sorted[Math.min(below + 1, input.length - 1)] - sorted[below]);
                assertThat(quartiles[q]).isEqualTo(expected);
            }
        }
    }

    @Test
    void pairedDifferencesMatchReplicatesAndAverageSeveralValuesOfARun() {
        MetricSeries baseline = new MetricSeries(new double[] {1, 2, 3, 5}, new int[] {0, 1, 2, 4});
        MetricSeries treatment = new MetricSeries(new double[] {2, 4, 6, 10, 7}, new int[] {0, 2, 2, 3, 4});

        // replicate 0: 2 - 1; replicate 2: mean(4, 6) - 3; replicate 4: 7 - 5; 1 and 3 have one side only
        assertThat(PairedDifferences.of(baseline, treatment)).containsExactly(1, 2, 2);
    }

    private static double component(Distribution d, String name) {
        return switch (name) {
            case "mean" -> d.mean();
            case "sd" -> d.sd();
            case "min" -> d.min();
            case "q1" -> d.q1();
            case "median" -> d.median();
            case "q3" -> d.q3();
            case "max" -> d.max();
            case "whiskerLow" -> d.whiskerLow();
            case "whiskerHigh" -> d.whiskerHigh();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
