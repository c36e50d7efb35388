package io.crystallize.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.InputStream;
import java.util.ArrayList;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Every case of {@code reference/binary-vectors.json} (made by {@code make_binary_vectors.py} beside
 * it, from SciPy and statsmodels where they are right and from the script's own enumeration where no
 * library is) reproduced with the file's tolerance: the tests of 0/1 metrics in
 * {@link PairedProportions} and {@link IndependentProportions}. Unknown kinds, inputs, options or
 * fields fail; every case must be checked.
 */
class BinaryVectorsTest {

    private static final Set<String> LABELS = Set.of("test", "inputs", "options", "note", "regression");
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static JsonNode file;

    static JsonNode load() throws Exception {
        if (file == null) {
            try (InputStream in = BinaryVectorsTest.class.getResourceAsStream("/reference/binary-vectors.json")) {
                assertThat(in).as("reference/binary-vectors.json on the test class path").isNotNull();
                file = JsonMapper.builder().build().readTree(in);
            }
        }
        return file;
    }

    static Stream<StatsVectorsTest.VectorCase> cases() throws Exception {
        JsonNode cases = load().get("cases");
        List<StatsVectorsTest.VectorCase> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            out.add(new StatsVectorsTest.VectorCase(i, cases.get(i)));
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
    void matchesTheOracle(StatsVectorsTest.VectorCase vectorCase) throws Exception {
        JsonNode tolerance = load().get("tolerance");
        JsonNode node = vectorCase.node();
        StatsVectorsTest.Args inputs = new StatsVectorsTest.Args(node.get("inputs"), "input");
        StatsVectorsTest.Args options = new StatsVectorsTest.Args(node.get("options"), "option");
        Map<String, Object> actual = run(node.get("test").stringValue(), inputs, options);
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
            StatsVectorsTest.compare(field, node.get(field), actual.get(field), tolerance.get("relative").doubleValue(),
                    tolerance.get("zero_absolute").doubleValue(), tolerance.get("underflow").doubleValue());
            compared++;
        }
        assertThat(compared).as("fields compared").isPositive();
        CHECKED.incrementAndGet();
    }

    private static Map<String, Object> run(String kind, StatsVectorsTest.Args in, StatsVectorsTest.Args opt) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (kind) {
            case "mcnemar_exact" -> put(out, PairedProportions.mcNemarExact(in.integer("favour_x"),
                    in.integer("favour_y"), opt.alternative()));
            case "tango_score" -> put(out, PairedProportions.tangoTest(in.integer("favour_x"), in.integer("favour_y"),
                    in.integer("n"), opt.number("null_difference"), opt.alternative(), computation(opt)));
            case "tango_smallest_pvalue" -> out.put("pvalue", PairedProportions.tangoSmallestPValue(in.integer("n"),
                    opt.number("null_difference"), opt.alternative()));
            case "miettinen_nurminen_score" -> put(out, IndependentProportions.scoreTest(in.integer("successes_x"),
                    in.integer("n_x"), in.integer("successes_y"), in.integer("n_y"), opt.number("null_difference"),
                    opt.alternative(), computation(opt)));
            case "mn_smallest_pvalue" -> out.put("pvalue", IndependentProportions.smallestPValue(in.integer("n_x"),
                    in.integer("n_y"), opt.number("null_difference"), opt.alternative()));
            default -> fail("unknown test kind: " + kind);
        }
        return out;
    }

    private static Computation computation(StatsVectorsTest.Args opt) {
        return switch (opt.string("computation")) {
            case "exact" -> Computation.EXACT;
            case "asymptotic" -> Computation.ASYMPTOTIC;
            default -> throw new AssertionError("unknown computation option");
        };
    }

    private static void put(Map<String, Object> out, TestResult r) {
        out.put("statistic", r.statistic());
        out.put("pvalue", r.pValue());
    }
}
