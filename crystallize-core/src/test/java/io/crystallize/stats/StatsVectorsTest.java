package io.crystallize.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every case of the SciPy reference vectors (shared/reference/stats-vectors.json, or the file named
 * by the system property {@code crystallize.stats.vectors}) reproduced with the file's own tolerance.
 * Unknown kinds, inputs, options or fields fail; the number of checked cases must equal the file's.
 */
class StatsVectorsTest {

    private static final Set<String> LABELS = Set.of("test", "inputs", "options", "note", "regression");
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static JsonNode file;

    record VectorCase(int index, JsonNode node) {
        @Override
        public String toString() {
            return "#" + index + " " + node.get("test").stringValue()
                    + (node.has("options") ? " " + node.get("options") : "");
        }
    }

    static Path vectorsPath() {
        String root = System.getProperty("crystallize.repository.root");
        Path repositoryRoot = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        String override = System.getProperty("crystallize.stats.vectors");
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            return p.isAbsolute() ? p : repositoryRoot.resolve(p).normalize();
        }
        return repositoryRoot.resolve("../shared/reference/stats-vectors.json").normalize();
    }

    static JsonNode load() throws Exception {
        if (file == null) {
            Path path = vectorsPath();
            assertThat(path).as("stats vectors file").exists();
            ObjectMapper mapper = JsonMapper.builder().build();
            file = mapper.readTree(Files.readString(path));
        }
        return file;
    }

    static Stream<VectorCase> cases() throws Exception {
        JsonNode cases = load().get("cases");
        List<VectorCase> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            out.add(new VectorCase(i, cases.get(i)));
        }
        return out.stream();
    }

    @BeforeAll
    static void reset() {
        CHECKED.set(0);
    }

    @AfterAll
    static void everyCaseWasChecked() throws Exception {
        assertThat(CHECKED.get()).as("cases checked").isEqualTo(load().get("cases").size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesSciPy(VectorCase vectorCase) throws Exception {
        JsonNode tolerance = load().get("tolerance");
        double relative = tolerance.get("relative").doubleValue();
        double zeroAbsolute = tolerance.get("zero_absolute").doubleValue();
        double underflow = tolerance.get("underflow").doubleValue();

        JsonNode node = vectorCase.node();
        Args inputs = new Args(node.get("inputs"), "input");
        Args options = new Args(node.has("options") ? node.get("options") : JsonMapper.builder().build()
                .createObjectNode(), "option");
        Map<String, Object> actual = VectorRunner.run(node.get("test").stringValue(), inputs, options);
        inputs.assertAllUsed();
        options.assertAllUsed();

        int compared = 0;
        for (String field : node.propertyNames()) {
            if (LABELS.contains(field)) {
                continue;
            }
            if (!actual.containsKey(field)) {
                fail("unknown field '" + field + "' for " + vectorCase);
            }
            compare(field, node.get(field), actual.get(field), relative, zeroAbsolute, underflow);
            compared++;
        }
        assertThat(compared).as("fields compared").isPositive();
        CHECKED.incrementAndGet();
    }

    static void compare(String field, JsonNode expected, Object actual, double relative,
            double zeroAbsolute, double underflow) {
        if (expected.isArray()) {
            double[] values = (double[]) actual;
            assertThat(values.length).as(field + " length").isEqualTo(expected.size());
            for (int i = 0; i < values.length; i++) {
                compare(field + "[" + i + "]", expected.get(i), values[i], relative, zeroAbsolute, underflow);
            }
            return;
        }
        double value = ((Number) actual).doubleValue();
        if (expected.isString()) {
            String s = expected.stringValue();
            double want = switch (s) {
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> throw new AssertionError("unexpected string value for " + field + ": " + s);
            };
            assertThat(Double.compare(value, want)).as(field + ": expected " + s + " got " + value).isZero();
            return;
        }
        if (!expected.isNumber()) {
            fail("unexpected value for " + field + ": " + expected);
        }
        if (expected.isIntegralNumber()) {
            assertThat(value).as(field + " (integer)").isEqualTo((double) expected.longValue());
            return;
        }
        double want = expected.doubleValue();
        if (want == 0) {
            assertThat(Math.abs(value)).as(field + ": expected 0").isLessThanOrEqualTo(zeroAbsolute);
        } else if (Math.abs(want) < underflow) {
            assertThat(Math.abs(value)).as(field + ": expected underflow").isLessThan(underflow);
        } else {
            assertThat(Math.abs(value - want)).as(field + ": expected " + want + " got " + value
                    + " (relative error " + Math.abs(value - want) / Math.abs(want) + ")")
                    .isLessThanOrEqualTo(relative * Math.abs(want));
        }
    }

    /** Inputs or options of one case; records which keys were read so that unknown ones fail. */
    static final class Args {
        private final JsonNode node;
        private final String kind;
        private final Set<String> used = new HashSet<>();

        Args(JsonNode node, String kind) {
            this.node = node;
            this.kind = kind;
        }

        private JsonNode get(String key) {
            if (!node.has(key)) {
                throw new AssertionError("missing " + kind + " '" + key + "'");
            }
            used.add(key);
            return node.get(key);
        }

        boolean has(String key) {
            return node.has(key);
        }

        double[] doubles(String key) {
            JsonNode a = get(key);
            double[] out = new double[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.get(i).doubleValue();
            }
            return out;
        }

        List<double[]> doubleLists(String key) {
            JsonNode a = get(key);
            List<double[]> out = new ArrayList<>();
            for (JsonNode row : a.values()) {
                double[] r = new double[row.size()];
                for (int i = 0; i < r.length; i++) {
                    r[i] = row.get(i).doubleValue();
                }
                out.add(r);
            }
            return out;
        }

        long[] longs(String key) {
            JsonNode a = get(key);
            long[] out = new long[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = integral(a.get(i), key);
            }
            return out;
        }

        long[][] table(String key) {
            JsonNode a = get(key);
            long[][] out = new long[a.size()][];
            for (int i = 0; i < out.length; i++) {
                JsonNode row = a.get(i);
                out[i] = new long[row.size()];
                for (int j = 0; j < row.size(); j++) {
                    out[i][j] = integral(row.get(j), key);
                }
            }
            return out;
        }

        double number(String key) {
            JsonNode v = get(key);
            if (!v.isNumber()) {
                throw new AssertionError(kind + " '" + key + "' is not a number: " + v);
            }
            return v.doubleValue();
        }

        int integer(String key) {
            return (int) integral(get(key), key);
        }

        String string(String key) {
            JsonNode v = get(key);
            if (!v.isString()) {
                throw new AssertionError(kind + " '" + key + "' is not a string: " + v);
            }
            return v.stringValue();
        }

        boolean bool(String key) {
            JsonNode v = get(key);
            if (!v.isBoolean()) {
                throw new AssertionError(kind + " '" + key + "' is not a boolean: " + v);
            }
            return v.booleanValue();
        }

        Alternative alternative() {
            return Alternative.fromSciPyName(string("alternative"));
        }

        private long integral(JsonNode v, String key) {
            if (!v.isIntegralNumber()) {
                throw new AssertionError(kind + " '" + key + "' holds a non-integer: " + v);
            }
            return v.longValue();
        }

        void assertAllUsed() {
            Set<String> unknown = new HashSet<>(node.propertyNames());
            unknown.removeAll(used);
            assertThat(unknown).as("unknown " + kind + "s").isEmpty();
        }
    }

    /** Maps a vector kind to the library call and names its outputs as the file does. */
    static final class VectorRunner {

        private VectorRunner() {
        }

        static Map<String, Object> run(String kind, Args in, Args opt) {
            Map<String, Object> out = new LinkedHashMap<>();
            switch (kind) {
                case "welch_t" -> putT(out, TTests.welch(in.doubles("x"), in.doubles("y"), opt.alternative()));
                case "student_t" -> putT(out, TTests.student(in.doubles("x"), in.doubles("y"), opt.alternative()));
                case "paired_t" -> putT(out, TTests.paired(in.doubles("x"), in.doubles("y"), opt.alternative()));
                case "tost_welch" -> {
                    EquivalenceResult r = Equivalence.tostWelch(in.doubles("x"), in.doubles("y"), opt.number("margin"));
                    out.put("pvalue", r.pValue());
                    out.put("pvalue_lower", r.lower().pValue());
                    out.put("pvalue_upper", r.upper().pValue());
                }
                case "mann_whitney_u" -> {
                    RankMethod method = rankMethod(opt.string("method"));
                    boolean continuity = opt.has("continuity") ? opt.bool("continuity") : true;
                    put(out, MannWhitney.test(in.doubles("x"), in.doubles("y"), opt.alternative(), method, continuity));
                }
                case "wilcoxon_signed_rank" -> {
                    RankMethod method = rankMethod(opt.string("method"));
                    boolean continuity = opt.has("continuity") ? opt.bool("continuity") : false;
                    ZeroMethod zeroMethod = ZeroMethod.valueOf(opt.string("zero_method").toUpperCase(java.util.Locale.ROOT));
                    put(out, WilcoxonSignedRank.test(in.doubles("d"), opt.alternative(), zeroMethod, method, continuity));
                }
                case "ks_2samp" -> put(out, KolmogorovSmirnov.test(in.doubles("x"), in.doubles("y"), opt.alternative(),
                        rankMethod(opt.string("method"))));
                case "fisher_exact" -> put(out, ContingencyTests.fisherExact(in.table("table"), opt.alternative()));
                case "chi_square_independence" -> {
                    TestResult r = ContingencyTests.chiSquare(in.table("table"), opt.bool("correction"));
                    put(out, r);
                    out.put("df", r.degreesOfFreedom());
                }
                case "g_test_independence" -> {
                    // SciPy's chi2_contingency default correction=True (only acts on 2x2 tables)
                    boolean correction = opt.has("correction") ? opt.bool("correction") : true;
                    TestResult r = ContingencyTests.gTest(in.table("table"), correction);
                    put(out, r);
                    out.put("df", r.degreesOfFreedom());
                }
                case "chi_square_gof" -> put(out, GoodnessOfFit.chiSquare(in.longs("observed")));
                case "g_test_gof" -> put(out, GoodnessOfFit.gTest(in.longs("observed")));
                case "binomial" -> put(out, Binomial.test(in.integer("k"), in.integer("n"), in.number("p"),
                        opt.alternative()));
                case "anova_oneway" -> put(out, Anova.oneWay(in.doubleLists("groups")));
                case "effect_size" -> {
                    double[] x = in.doubles("x");
                    double[] y = in.doubles("y");
                    out.put("cohens_d", EffectSizes.cohensD(x, y));
                    out.put("hedges_g", EffectSizes.hedgesG(x, y));
                }
                case "hodges_lehmann_shift" -> out.put("shift", HodgesLehmann.shift(in.doubles("x"), in.doubles("y")));
                case "p_adjust" -> {
                    double[] p = in.doubles("p");
                    out.put("bonferroni", MultipleComparisons.bonferroni(p));
                    out.put("holm", MultipleComparisons.holm(p));
                    out.put("benjamini_hochberg", MultipleComparisons.benjaminiHochberg(p));
                }
                case "permutation_exact_mean_diff" -> put(out, PermutationTest.exact(in.doubles("x"), in.doubles("y"),
                        TwoSampleStatistic.meanDifference(), opt.alternative()));
                case "power_student_t" -> {
                    double d = in.number("effect_d");
                    int n = in.integer("n_per_side");
                    double alpha = opt.number("alpha");
                    Alternative alt = opt.alternative();
                    out.put("power", Power.studentT(d, n, alpha, alt));
                    out.put("n_per_side_for_power_0.8", Power.nPerSideStudentT(d, alpha, alt, 0.8));
                }
                case "power_paired_t" -> {
                    double dz = in.number("effect_dz");
                    int n = in.integer("n_pairs");
                    double alpha = opt.number("alpha");
                    Alternative alt = opt.alternative();
                    out.put("power", Power.pairedT(dz, n, alpha, alt));
                    out.put("mde_dz_at_power_0.8", Power.mdePairedT(n, alpha, alt, 0.8));
                }
                default -> fail("unknown test kind: " + kind);
            }
            return out;
        }

        private static RankMethod rankMethod(String name) {
            return switch (name) {
                case "exact" -> RankMethod.EXACT;
                case "asymptotic", "approx", "asymp" -> RankMethod.ASYMPTOTIC;
                case "auto" -> RankMethod.AUTO;
                default -> throw new AssertionError("unknown method option: " + name);
            };
        }

        private static void put(Map<String, Object> out, TestResult r) {
            out.put("statistic", r.statistic());
            out.put("pvalue", r.pValue());
        }

        private static void putT(Map<String, Object> out, TestResult r) {
            put(out, r);
            out.put("df", r.degreesOfFreedom());
            out.put("ci95_two_sided", new double[] {r.confidenceInterval().lower(), r.confidenceInterval().upper()});
        }
    }
}
