package io.crystallize.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crystallize.stats.Alternative;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verdict rules against SciPy: {@code src/test/resources/verdict-rules-vectors.json}, made by
 * {@code src/test/python/verdict_rules_vectors.py} (ratio tests of relative margins and their
 * intervals, the p-value floors of exact tests and the replicates they need, minimal detectable
 * effects at the family's level).
 */
class VerdictRulesVectorsTest {

    private static final double RELATIVE = 1e-9;
    private static JsonNode file;

    static synchronized JsonNode file() throws IOException {
        if (file == null) {
            try (InputStream in = VerdictRulesVectorsTest.class.getResourceAsStream("/verdict-rules-vectors.json")) {
                file = JsonMapper.builder().build().readTree(in);
            }
        }
        return file;
    }

    static Stream<Arguments> cases(String kind) throws IOException {
        List<Arguments> cases = new ArrayList<>();
        int i = 0;
        for (JsonNode c : file().get("cases")) {
            if (c.get("kind").asString().equals(kind)) {
                cases.add(Arguments.of(kind + " " + i + ": " + c.get("verifier") + " " + c.get("note") + " "
                        + c.get("alternative"), c));
            }
            i++;
        }
        return cases.stream();
    }

    static Stream<Arguments> ratioCases() throws IOException {
        return cases("ratio_test");
    }

    static Stream<Arguments> floorCases() throws IOException {
        return cases("floor");
    }

    static Stream<Arguments> mdeCases() throws IOException {
        return cases("mde");
    }

    @Test
    void everyCaseIsOfAKnownKind() throws IOException {
        long known = Stream.of("ratio_test", "floor", "mde").mapToLong(k -> {
            try {
                return cases(k).count();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).sum();
        assertThat(known).isEqualTo(file().get("cases").size()).isEqualTo(24);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ratioCases")
    void relativeMarginsAreTestedAsRatiosAndShowTheIntervalOfTheSameTest(String name, JsonNode c) {
        String kind = c.get("verifier").asString();
        boolean paired = kind.equals("paired");
        Verifier verifier = switch (kind) {
            case "welch" -> Verifiers.welch();
            case "student" -> Verifiers.student();
            case "paired" -> Verifiers.pairedT();
            default -> throw new AssertionError("unknown verifier " + kind);
        };
        double[] b = doubles(c.get("baseline"));
        double[] t = doubles(c.get("treatment"));
        Samples samples = paired ? Samples.paired("m", "t", b, t) : Samples.of("m", "t", b, t);
        Expectation e = new Expectation(Expectation.Kind.valueOf(c.get("expect").asString()),
                c.get("margin_percent").asDouble(), true);
        Direction d = c.get("direction").asString().equals("higher") ? Direction.HIGHER_IS_BETTER
                : Direction.LOWER_IS_BETTER;

        Verdict v = verifier.verify(samples, new Verifier.Question(e, d, 0.05));

        close("p", v.pValue(), c.get("pvalue").asDouble());
        close("statistic", v.statistic(), c.get("statistic").asDouble());
        if (!c.get("ratio").isNull()) {
            assertThat(v.method()).contains("treatment − " + Outcomes.trimmed(c.get("ratio").asDouble()) + " × baseline");
        }
        // the verdict's CI stays the difference's; the relative CI is the ratio test's own
        double[] ci = doubles(c.get("relative_ci"));
        if (Outcomes.mean(b) > 0) {
            assertThat(100 + v.relativeCiLow()).as("relative CI low").isCloseTo(100 + ci[0], within(1e-7 * (100 + ci[0])));
            assertThat(100 + v.relativeCiHigh()).as("relative CI high").isCloseTo(100 + ci[1], within(1e-7 * (100 + ci[1])));
            assertThat(v.method()).contains("relative % CI: the ratios treatment / baseline that the same two-sided test");
        } else {
            // a negative baseline mean: no percentage, the absolute difference instead
            assertThat(v.relativePercent()).isNaN();
            assertThat(v.relativeCiLow()).isNaN();
            assertThat(v.message()).doesNotContain("%)").contains("(" + Outcomes.signed(v.difference()) + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floorCases")
    void exactTestsThatCannotReachTheLevelAreInconclusiveNamingTheReplicatesTheyNeed(String name, JsonNode c) {
        String kind = c.get("verifier").asString();
        ComparisonVerifier verifier = (ComparisonVerifier) switch (kind) {
            case "mann_whitney" -> Verifiers.mannWhitney();
            case "wilcoxon" -> Verifiers.wilcoxon();
            case "fisher" -> Verifiers.fisherExact();
            case "binomial" -> Verifiers.binomial();
            default -> throw new AssertionError("unknown verifier " + kind);
        };
        double[] b = doubles(c.get("baseline"));
        double[] t = doubles(c.get("treatment"));
        Samples samples = kind.equals("wilcoxon") ? Samples.paired("m", "t", b, t) : Samples.of("m", "t", b, t);
        Alternative alternative = Alternative.fromSciPyName(c.get("alternative").asString());
        Expectation e = switch (alternative) {
            case GREATER -> Expectation.better();
            case LESS -> Expectation.worse();
            case TWO_SIDED -> Expectation.different();
        };
        Correction correction = Correction.valueOf(c.get("correction").asString().toUpperCase(java.util.Locale.ROOT));
        Verifier.Question q = new Verifier.Question(e, Direction.HIGHER_IS_BETTER, c.get("alpha").asDouble(),
                Double.NaN, c.get("family").asInt(), correction, false);
        assertThat(q.reachLevel()).isCloseTo(c.get("level").asDouble(), within(1e-15));

        double floor = verifier.smallestP(Sides.of(samples, verifier.paired(samples)), alternative, 0);
        close("smallest p", floor, c.get("smallest_p").asDouble());
        Verdict v = verifier.verify(samples, q);

        assertThat(v.status()).as(v.message()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.mde()).isInfinite();
        assertThat(v.mdeStandardized()).isInfinite();
        assertThat(v.pValue()).isNaN();
        String unit = kind.equals("wilcoxon") ? " replicate-matched pairs" : " replicates per side";
        double level = c.get("level").asDouble();
        assertThat(v.message()).contains("cannot reach p < " + (level < 0.05 ? Outcomes.p(level) : "alpha 0.05"),
                "the smallest p-value it can give is " + Outcomes.p(c.get("smallest_p").asDouble()),
                "it needs at least " + c.get("needed").asInt() + unit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mdeCases")
    void theMinimalDetectableEffectIsAtTheFamilysLevel(String name, JsonNode c) {
        int n = c.get("n").asInt();
        boolean paired = c.get("design").asString().equals("paired_t");
        java.util.Random random = new java.util.Random(n);
        double[] b = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = 50 + random.nextGaussian();
            t[i] = b[i] + 0.3 + random.nextGaussian();
        }
        Samples samples = paired ? Samples.paired("m", "t", b, t) : Samples.of("m", "t", b, t);
        Expectation e = c.get("alternative").asString().equals("two-sided") ? Expectation.different()
                : Expectation.better();
        Correction correction = Correction.valueOf(c.get("correction").asString().toUpperCase(java.util.Locale.ROOT));
        Verifier.Question q = new Verifier.Question(e, Direction.HIGHER_IS_BETTER, c.get("alpha").asDouble(),
                Double.NaN, c.get("family").asInt(), correction, false);
        assertThat(q.familyLevel()).isCloseTo(c.get("level").asDouble(), within(1e-15));

        Verdict v = (paired ? Verifiers.pairedT() : Verifiers.welch()).verify(samples, q);

        double expected = c.get("mde_standardized").asDouble();
        assertThat(v.mdeStandardized()).isCloseTo(expected, within(1e-8 * expected));
        assertThat(v.mde()).isCloseTo(expected * new Sides(samples.pairedBaseline(), samples.pairedTreatment(), paired)
                .scale(), within(1e-8 * v.mde()));
        assertThat(v.method()).contains("minimal detectable effect at 80% power: "
                + (paired ? "one-sample noncentral t on the pairs" : "two-sample noncentral t"));
        if (c.get("level").asDouble() < c.get("alpha").asDouble()) {
            assertThat(v.method()).contains("at " + Outcomes.p(c.get("level").asDouble()) + " = alpha 0.05 / "
                    + c.get("family").asInt() + " verdicts (" + correction.label());
        } else {
            assertThat(v.method()).endsWith("at alpha 0.05");
        }
    }

    private static void close(String what, double actual, double expected) {
        assertThat(actual).as(what).isCloseTo(expected, within(RELATIVE * Math.abs(expected) + 1e-300));
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
