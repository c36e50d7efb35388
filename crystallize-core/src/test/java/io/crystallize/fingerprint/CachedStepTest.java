package io.crystallize.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Context;
import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step cache on disk: hits give back output, metrics and context keys; changed code or inputs miss. */
class CachedStepTest {

    @TempDir
    Path temp;

    /** A concrete output Jackson writes and reads back. */
    public record Summary(double mean, int n) {
    }

    private static final AtomicInteger CALLS = new AtomicInteger();

    private static final class Summarise implements Step<Double, Summary> {
        @Override
        public Summary apply(Double input, Context context) {
            CALLS.incrementAndGet();
            double scaled = input * (Double) context.get("scale");
            context.metrics().record("scaled", scaled);
            context.set("label", "scaled-" + context.replicate());
            return new Summary(scaled, 1);
        }

        @Override
        public String name() {
            return "summarise";
        }
    }

    private Result run(Path cache, double scale) {
        return Experiment.builder("cached")
                .dataSource(context -> context.random().nextDouble())
                .step(CachedStep.of(new Summarise(), Summary.class, cache))
                .step(Step.of("after", (Summary s, Context context) -> {
                    context.metrics().record("after", s.mean() + ((String) context.get("label")).length());
                    return s;
                }))
                .parameter("scale", scale)
                .treatment(Treatment.of("double", Map.of("scale", scale * 2)))
                .replicates(5)
                .build().run();
    }

    @Test
    void aSecondExecutionTakesOutputsMetricsAndContextKeysFromTheCache() {
        Path cache = temp.resolve(CachedStep.DEFAULT_DIRECTORY);
        CALLS.set(0);
        Result first = run(cache, 1.5);
        assertThat(CALLS.get()).isEqualTo(10);

        CALLS.set(0);
        Result second = run(cache, 1.5);

        assertThat(CALLS.get()).as("step calls the second time").isZero();
        assertThat(second.metrics()).isEqualTo(first.metrics());
        assertThat(second.errors()).isEmpty();
        assertThat(cache.resolve("summarise")).isDirectory();
    }

    @Test
    void anotherParameterValueMisses() {
        Path cache = temp.resolve("cache");
        run(cache, 1.5);
        CALLS.set(0);
        run(cache, 2.5);
        assertThat(CALLS.get()).isEqualTo(10);
    }

    private static final String DOUBLER = """
            package fx;
            import io.crystallize.core.Context;
            import io.crystallize.core.Step;
            public class Doubler implements Step<Double, Double> {
                public static int calls;
                public Double apply(Double in, Context context) {
                    calls++;
                    return Scale.of(in);
                }
                public String name() { return "doubler"; }
            }
            """;

    private static String scale(int factor) {
        return """
                package fx;
                class Scale {
                    static double of(double v) { return v * %d; }
                }
                """.formatted(factor);
    }

    private record Applied(double output, int calls) {
    }

    @SuppressWarnings("unchecked")
    private Applied applyFixture(Path cache, int factor) throws Exception {
        Path classes = Fixtures.compile(temp, Map.of("fx/Doubler.java", DOUBLER, "fx/Scale.java", scale(factor)));
        try (URLClassLoader loader = Fixtures.loader(classes)) {
            Class<?> type = loader.loadClass("fx.Doubler");
            Step<Double, Double> step = (Step<Double, Double>) type.getConstructor().newInstance();
            CachedStep<Double, Double> cached = CachedStep.of(step, Double.class, cache);
            double output = cached.apply(10.0, Context.of(Map.of("p", 1)));
            return new Applied(output, type.getField("calls").getInt(null));
        }
    }

    @Test
    void changedCodeWithTheSameStepNameAndInputMisses() throws Exception {
        Path cache = temp.resolve("cache");
        Applied twice = applyFixture(cache, 2);
        Applied again = applyFixture(cache, 2);
        // the reference keyed entries by step name and input: this change would have been a stale hit
        Applied thrice = applyFixture(cache, 3);

        assertThat(twice).isEqualTo(new Applied(20.0, 1));
        assertThat(again).as("same code compiled again: a hit").isEqualTo(new Applied(20.0, 0));
        assertThat(thrice).as("a helper's constant changed: a miss").isEqualTo(new Applied(30.0, 1));
        try (Stream<Path> entries = Files.list(cache.resolve("doubler"))) {
            assertThat(entries.filter(p -> p.toString().endsWith(".json"))).hasSize(2);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCodeOfACachedStepIsTheCodeOfTheStepItWraps() throws Exception {
        // run fingerprints (reuse of whole runs) see a CachedStep in the pipeline: its own class is the library's
        List<String> prints = new java.util.ArrayList<>();
        for (int factor : new int[] {2, 3}) {
            Path classes = Fixtures.compile(temp, Map.of("fx/Doubler.java", DOUBLER, "fx/Scale.java", scale(factor)));
            try (URLClassLoader loader = Fixtures.loader(classes)) {
                Step<Double, Double> step = (Step<Double, Double>) loader.loadClass("fx.Doubler").getConstructor()
                        .newInstance();
                prints.add(CodeFingerprint.ofObjects(CachedStep.of(step, Double.class, temp)).value());
            }
        }

        assertThat(prints.get(0)).isNotEqualTo(prints.get(1));
    }

    @Test
    void aMethodWhoseClassFileCannotBeReadCannotBeCached() throws Exception {
        Path classes = Fixtures.compile(temp, Map.of("fx/Doubler.java", DOUBLER, "fx/Scale.java", scale(2)));
        byte[] doubler = Files.readAllBytes(classes.resolve("fx/Doubler.class"));
        byte[] scale = Files.readAllBytes(classes.resolve("fx/Scale.class"));
        ClassLoader memory = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = name.equals("fx.Doubler") ? doubler : name.equals("fx.Scale") ? scale : null;
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Class<?> type = memory.loadClass("fx.Doubler");
        Step<Double, Double> step = Step.of("doubler", (Double in, Context context) -> in);

        // its code cannot be fingerprinted, so an entry could outlive a change to it: refused, never stale
        assertThatThrownBy(() -> CachedStep.ofMethod(step, type, "apply", Double.class, temp, in -> in))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("step 'doubler' cannot be cached: the class file of fx.Doubler cannot be found");

        @SuppressWarnings("unchecked")
        Step<Double, Double> loadedFromMemory = (Step<Double, Double>) type.getConstructor().newInstance();
        CachedStep<Double, Double> cached = CachedStep.of(loadedFromMemory, Double.class, temp.resolve("memory"));
        assertThatThrownBy(() -> cached.apply(1.0, Context.of(Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cannot be cached: the class file of fx.Doubler cannot be read");
    }

    @Test
    void outputsThatCannotBeCachedAreClearErrors() {
        Path cache = temp.resolve("cache");
        assertThatThrownBy(() -> CachedStep.of(Step.of("listing", (Double in, Context c) -> List.of(in)), List.class,
                cache)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("step 'listing' cannot be cached as java.util.List")
                .hasMessageContaining("StepCodec");

        CachedStep<Double, Object> opaque = CachedStep.of(Step.of("opaque", (Double in, Context c) -> new Object()),
                Object.class, cache);
        assertThatThrownBy(() -> opaque.apply(1.0, Context.of(Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the output of step 'opaque' (java.lang.Object) cannot be cached");

        CachedStep<Double, Double> setsLong = CachedStep.of(Step.of("setsLong", (Double in, Context c) -> {
            c.set("count", 3L);
            return in;
        }), Double.class, cache);
        assertThatThrownBy(() -> setsLong.apply(1.0, Context.of(Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("context key 'count' to a java.lang.Long");
    }

    @Test
    void aCodecCachesWhatJsonCannotAndEntriesAreBounded() throws Exception {
        Path cache = temp.resolve("cache");
        StepCodec<StringBuilder> codec = new StepCodec<>() {
            @Override
            public byte[] encode(StringBuilder output) {
                return output.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }

            @Override
            public StringBuilder decode(byte[] bytes) {
                return new StringBuilder(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
        };
        AtomicInteger calls = new AtomicInteger();
        CachedStep<Integer, StringBuilder> step = CachedStep.of(Step.of("text", (Integer in, Context c) -> {
            calls.incrementAndGet();
            return new StringBuilder("n=").append(in);
        }), codec, cache).withMaxEntries(3);
        for (int i = 0; i < 5; i++) {
            step.apply(i, Context.of(Map.of()));
        }
        step.trim();
        try (Stream<Path> entries = Files.list(cache.resolve("text"))) {
            assertThat(entries.filter(p -> p.toString().endsWith(".json"))).hasSize(3);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(step.apply(i, Context.of(Map.of())).toString()).isEqualTo("n=" + i);
        }
        assertThat(step.hits()).as("the three kept entries").isEqualTo(3);
        assertThat(calls.get()).as("five misses, then the two removed entries again").isEqualTo(7);
    }

    @Test
    void aDamagedEntryIsAMiss() throws Exception {
        Path cache = temp.resolve("cache");
        AtomicInteger calls = new AtomicInteger();
        CachedStep<Integer, Integer> step = CachedStep.of(Step.of("inc", (Integer in, Context c) -> {
            calls.incrementAndGet();
            return in + 1;
        }), Integer.class, cache);
        step.apply(1, Context.of(Map.of()));
        try (Stream<Path> entries = Files.list(cache.resolve("inc"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Files.writeString(entry, "{ damaged");
            }
        }
        assertThat(step.apply(1, Context.of(Map.of()))).isEqualTo(2);
        assertThat(calls.get()).isEqualTo(2);
    }
}
