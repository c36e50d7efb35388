package io.crystallize.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.core.Result;
import io.crystallize.definition.ExperimentDefinitions;
import io.crystallize.definition.ExperimentSettings;
import io.crystallize.hypothesis.Verdict;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Step(cache = true)} through both front ends: the fixture is compiled with the real javac
 * into a directory (with the processor, or without it for the runtime reader) and run twice; the
 * second execution calls the cached method in no run and reaches the same verdicts, and a change
 * to a constant in a helper the method calls misses.
 */
class StepCacheTest {

    private static final String FIXTURE = "valid/com/example/CachedFeatures.java";
    private static final String CLASS = "com.example.CachedFeatures";
    private static final int RUNS = 12; // 6 replicates x 2 conditions

    @TempDir
    Path temp;

    @ParameterizedTest(name = "generated = {0}")
    @ValueSource(booleans = {true, false})
    void aSecondExecutionTakesEveryOutputFromTheCache(boolean generated) throws Exception {
        Path root = temp.resolve("results");
        try (URLClassLoader loader = compile(Fixtures.text(FIXTURE), generated)) {
            Class<?> type = Class.forName(CLASS, true, loader);
            assertThat(ExperimentDefinitions.load(type).generated()).isEqualTo(generated);
            AtomicInteger calls = calls(type);

            Result first = run(type, root);
            assertThat(calls.get()).isEqualTo(RUNS);
            Result second = run(type, root);

            assertThat(calls.get()).as("calls after the second execution").isEqualTo(RUNS);
            assertThat(first.errors()).isEmpty();
            assertThat(second.errors()).isEmpty();
            assertThat(second.metrics()).isEqualTo(first.metrics());
            // the metric the cached step recorded is given back with its output
            assertThat(second.metric("baseline", "extracted").values()).hasSize(6);
            assertThat(verdicts(second)).isEqualTo(verdicts(first));
            assertThat(verdicts(first)).singleElement().asString().startsWith(Verdict.Status.SUPPORTED + " ");
            try (Stream<Path> entries = Files.list(root.resolve(".cache/steps/CachedFeatures/extract"))) {
                assertThat(entries.filter(p -> p.toString().endsWith(".json"))).hasSize(RUNS);
            }
        }
    }

    @ParameterizedTest(name = "generated = {0}")
    @ValueSource(booleans = {true, false})
    void changingAConstantInAHelperTheStepCallsMisses(boolean generated) throws Exception {
        Path root = temp.resolve("results");
        String source = Fixtures.text(FIXTURE);
        Result before;
        try (URLClassLoader loader = compile(source, generated)) {
            Class<?> type = Class.forName(CLASS, true, loader);
            before = run(type, root);
            assertThat(calls(type).get()).isEqualTo(RUNS);
        }
        String changed = source.replace("return size * 1.5;", "return size * 1.25;");
        assertThat(changed).isNotEqualTo(source);
        try (URLClassLoader loader = compile(changed, generated)) {
            Class<?> type = Class.forName(CLASS, true, loader);
            Result after = run(type, root);

            assertThat(calls(type).get()).as("calls of the changed code").isEqualTo(RUNS);
            assertThat(after.metric("baseline", "score").values())
                    .isNotEqualTo(before.metric("baseline", "score").values());
        }
        // and the unchanged code still hits its own entries
        try (URLClassLoader loader = compile(source, generated)) {
            Class<?> type = Class.forName(CLASS, true, loader);
            Result again = run(type, root);

            assertThat(calls(type).get()).isZero();
            assertThat(again.metrics()).isEqualTo(before.metrics());
        }
    }

    private static Result run(Class<?> type, Path root) {
        return ExperimentDefinitions.load(type).definition()
                .experiment(ExperimentSettings.defaults().withArtifactRoot(root)).run();
    }

    private static AtomicInteger calls(Class<?> type) throws ReflectiveOperationException {
        return (AtomicInteger) type.getField("CALLS").get(null);
    }

    private static List<String> verdicts(Result result) {
        return result.getHypothesis("boostRaisesScore").orElseThrow().verdicts().stream()
                .map(v -> v.status() + " " + v.pValue()).toList();
    }

    /** Compiles {@code source} into a fresh directory, with the processor or without any, and loads it. */
    private URLClassLoader compile(String source, boolean generated) throws IOException {
        Path src = Files.createTempDirectory(temp, "src").resolve("com/example/CachedFeatures.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path out = Files.createTempDirectory(temp, "classes");
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath",
                System.getProperty("java.class.path")));
        args.addAll(generated ? List.of("-processor", ExperimentProcessor.class.getName()) : List.of("-proc:none"));
        args.add(src.toString());
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        assertThat(status).as("javac " + args).isZero();
        return new URLClassLoader(new java.net.URL[] {out.toUri().toURL()}, StepCacheTest.class.getClassLoader());
    }
}
