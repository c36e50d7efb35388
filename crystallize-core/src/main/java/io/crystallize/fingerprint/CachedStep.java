package io.crystallize.fingerprint;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import io.crystallize.core.Context;
import io.crystallize.core.Parameters;
import io.crystallize.core.Resources;
import io.crystallize.core.Step;
import io.crystallize.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A step whose output, and the metrics and context keys it recorded, are kept on disk and given
 * back instead of running it again when everything it depends on is the same: its code and all
 * the project code it reaches (its {@link CodeFingerprint}), its input (as JSON), every context
 * value (parameters, keys earlier steps added, replicate, condition, seed). A change to any of
 * them is a different key, so an entry is never given back for code or inputs it was not made
 * from. Entries live in {@code <directory>/<step>/<key>.json} ({@link #DEFAULT_DIRECTORY} under
 * the results root is the usual place), written atomically; an unreadable entry is a miss. At
 * most {@code maxEntries} are kept per step, the least recently written removed first.
 *
 * <p>What can be cached: outputs Jackson writes and reads back as the given type (or any output
 * with a {@link StepCodec}); context values that are JSON values (strings, numbers, booleans,
 * lists and maps of them). Anything else is a clear error naming the step, never a silent miss.
 * A step that writes artifacts cannot be cached.
 *
 * @param <I> input type
 * @param <O> output type
 */
public final class CachedStep<I, O> implements Step<I, O> {

    /** Where step caches go, relative to the results root. */
    public static final String DEFAULT_DIRECTORY = ".cache/steps";

    /** Entries kept per step unless said otherwise. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private static final String FORMAT = "crystallize-step-cache-1";

    private final Step<I, O> step;
    private final Path directory;
    private final StepCodec<O> codec;
    private final int maxEntries;
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final java.util.function.Function<? super I, ?> keyedInput;
    private volatile String code;

    private CachedStep(Step<I, O> step, Path directory, StepCodec<O> codec, int maxEntries,
            java.util.function.Function<? super I, ?> keyedInput, String code) {
        this.step = step;
        this.directory = directory.resolve(Names.require("step", step.name()));
        this.codec = codec;
        if (maxEntries < 1) {
            throw new ConfigurationException("a step cache must keep at least one entry, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.keyedInput = keyedInput;
        this.code = code;
    }

    /**
     * Caches {@code step}'s outputs of type {@code outputType} as JSON under {@code directory}.
     *
     * @throws ConfigurationException when Jackson cannot read the type back (an interface, an
     *                                abstract class): give a concrete type or a {@link StepCodec}
     */
    public static <I, O> CachedStep<I, O> of(Step<I, O> step, Class<O> outputType, Path directory) {
        return new CachedStep<>(step, directory, jsonCodec(step, outputType), DEFAULT_MAX_ENTRIES,
                java.util.function.Function.identity(), null);
    }

    /** Caches {@code step}'s outputs through {@code codec} under {@code directory}. */
    public static <I, O> CachedStep<I, O> of(Step<I, O> step, StepCodec<O> codec, Path directory) {
        return new CachedStep<>(step, directory, codec, DEFAULT_MAX_ENTRIES, java.util.function.Function.identity(), null);
    }

    /**
     * Caches the outputs of a step that calls {@code method} of {@code declaringClass} (an annotated
     * experiment's {@code @Step} method) as JSON of {@code outputType} under {@code directory}. The
     * key holds that method's code fingerprint (every overload of it and all project code it
     * reaches) instead of the step object's, and the part of the step's input {@code keyedInput}
     * picks, which must be everything of the input the method can see besides the context.
     *
     * @throws ConfigurationException when Jackson cannot read the type back, or when the class file
     *                                of {@code declaringClass} cannot be found to fingerprint its code
     */
    public static <I, O> CachedStep<I, O> ofMethod(Step<I, O> step, Class<?> declaringClass, String method,
            Class<O> outputType, Path directory, java.util.function.Function<? super I, ?> keyedInput) {
        Objects.requireNonNull(keyedInput, "keyedInput");
        StepCodec<O> codec = jsonCodec(step, outputType);
        ClassIndex index = ClassIndex.of(declaringClass.getClassLoader());
        String code = index.entry(Traversal.internalName(declaringClass)).map(entry -> entry.isProject()
                ? CodeFingerprint.ofMethod(declaringClass, method).value()
                : Digests.sha256("library " + entry.library() + " " + declaringClass.getName() + "#" + method))
                .orElseThrow(() -> new ConfigurationException("step '" + step.name() + "' cannot be cached: the class "
                        + "file of " + declaringClass.getName() + " cannot be found through its class loader to "
                        + "fingerprint its code; load it from a directory or jar on the class path, or remove caching"));
        return new CachedStep<>(step, directory, codec, DEFAULT_MAX_ENTRIES, keyedInput, code);
    }

    private static <O> StepCodec<O> jsonCodec(Step<?, O> step, Class<O> outputType) {
        if (outputType.isInterface() || Modifier.isAbstract(outputType.getModifiers()) && !outputType.isPrimitive()
                && !outputType.isArray()) {
            throw new ConfigurationException("step '" + step.name() + "' cannot be cached as " + outputType.getName()
                    + ": JSON cannot be read back into an interface or abstract class; give the concrete output type "
                    + "or a StepCodec");
        }
        return new JsonCodec<>(step.name(), outputType);
    }

    /** The same cache keeping at most {@code value} entries. */
    public CachedStep<I, O> withMaxEntries(int value) {
        return new CachedStep<>(step, directory.getParent(), codec, value, keyedInput, code);
    }

    /** The step whose outputs this caches. */
    Step<I, O> step() {
        return step;
    }

    /** Outputs given back from the cache by this instance. */
    public int hits() {
        return hits.get();
    }

    /** Runs of the step this instance made because no entry matched. */
    public int misses() {
        return misses.get();
    }

    @Override
    public String name() {
        return step.name();
    }

    @Override
    public Parameters parameters() {
        return step.parameters();
    }

    @Override
    public void setup(Resources resources) throws Exception {
        step.setup(resources);
    }

    @Override
    public void teardown(Resources resources) throws Exception {
        step.teardown(resources);
    }

    @Override
    public O apply(I input, Context context) throws Exception {
        String key = key(input, context);
        Path file = directory.resolve(key + ".json");
        Entry hit = read(file, key);
        if (hit != null) {
            hits.incrementAndGet();
            for (Map.Entry<String, List<Double>> metric : hit.metrics().entrySet()) {
                for (double value : metric.getValue()) {
                    context.metrics().record(metric.getKey(), value);
                }
            }
            hit.writes().forEach(context::set);
            return codec.decode(Base64.getDecoder().decode(hit.output()));
        }
        misses.incrementAndGet();
        Map<String, Integer> before = new LinkedHashMap<>();
        for (String name : context.metrics().names()) {
            before.put(name, context.metrics().count(name));
        }
        Set<String> keysBefore = Set.copyOf(context.keys());
        O output = step.apply(input, context);
        if (context.wroteArtifacts()) {
            throw new ConfigurationException("step '" + step.name() + "' wrote artifacts, which a step cache cannot "
                    + "give back: remove its caching");
        }
        Map<String, List<Double>> recorded = new TreeMap<>();
        for (String name : context.metrics().names()) {
            if (!context.metrics().tags(name).stream().allMatch(Map::isEmpty)) {
                throw new ConfigurationException("step '" + step.name() + "' recorded metric '" + name
                        + "' with tags, which a step cache does not keep: remove its caching");
            }
            double[] values = context.metrics().values(name);
            int from = before.getOrDefault(name, 0);
            if (values.length > from) {
                List<Double> added = new ArrayList<>();
                for (int i = from; i < values.length; i++) {
                    added.add(values[i]);
                }
                recorded.put(name, added);
            }
        }
        Map<String, Object> written = new TreeMap<>();
        for (String k : context.keys()) {
            if (!keysBefore.contains(k)) {
                Object value = context.get(k);
                requireJsonValue(k, value);
                written.put(k, value);
            }
        }
        byte[] encoded;
        try {
            encoded = codec.encode(output);
        } catch (Exception e) {
            throw new ConfigurationException("the output of step '" + step.name() + "' (" + typeOf(output)
                    + ") cannot be cached: " + e.getMessage() + "; give a StepCodec or remove its caching");
        }
        write(file, new Entry(FORMAT, key, Base64.getEncoder().encodeToString(encoded), recorded, written));
        return output;
    }

    /** The entry's key: a digest of everything the step's run depends on. */
    String key(I stepInput, Context context) {
        Object input = keyedInput.apply(stepInput);
        String fingerprint = code;
        if (fingerprint == null) {
            CodeFingerprint print = CodeFingerprint.ofObjects(step);
            String unreadable = print.parts().keySet().stream().filter(part -> part.startsWith("unreadable "))
                    .findFirst().orElse(null);
            if (unreadable != null) {
                // a key without the code would give back outputs of code that has changed since
                throw new ConfigurationException("step '" + step.name() + "' cannot be cached: the class file of "
                        + unreadable.substring("unreadable ".length()).replace('/', '.') + " cannot be read to "
                        + "fingerprint its code; load it from a directory or jar on the class path, or remove caching");
            }
            fingerprint = print.value();
            code = fingerprint; // code does not change while this JVM runs it
        }
        Map<String, Object> values = new TreeMap<>();
        for (String k : context.keys()) {
            values.put(k, context.get(k));
        }
        StringBuilder text = new StringBuilder(FORMAT).append('\n').append(fingerprint).append('\n')
                .append(step.name()).append('\n');
        try {
            text.append(Json.MAPPER.writeValueAsString(values)).append('\n');
        } catch (RuntimeException e) {
            throw new ConfigurationException("step '" + step.name() + "' cannot be cached: a context value cannot be "
                    + "written as JSON (" + e.getMessage() + "); remove its caching");
        }
        try {
            text.append(typeOf(input)).append(' ').append(Json.MAPPER.writeValueAsString(input));
        } catch (RuntimeException e) {
            throw new ConfigurationException("step '" + step.name() + "' cannot be cached: its input ("
                    + typeOf(input) + ") cannot be written as JSON to key the cache (" + e.getMessage()
                    + "); remove its caching");
        }
        return Digests.sha256(text.toString());
    }

    private Entry read(Path file, String key) {
        try {
            Entry entry = Json.MAPPER.readValue(Files.readAllBytes(file), Entry.class);
            return FORMAT.equals(entry.format()) && key.equals(entry.key()) ? entry : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // damaged: run the step and write the entry again
        }
    }

    private void write(Path file, Entry entry) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, ".entry", ".tmp");
            Files.write(temp, Json.MAPPER.writeValueAsBytes(entry));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (writes.getAndIncrement() % 64 == 0) {
                trim();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the cache entry " + file + " of step '" + step.name()
                    + "'", e);
        }
    }

    /** Keeps the newest {@code maxEntries} entries. */
    synchronized void trim() throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(directory)) {
            entries = files.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        }
        if (entries.size() <= maxEntries) {
            return;
        }
        Map<Path, Long> modified = new LinkedHashMap<>();
        for (Path entry : entries) {
            try {
                modified.put(entry, Files.getLastModifiedTime(entry).toMillis());
            } catch (IOException e) {
                // removed meanwhile
            }
        }
        List<Path> oldestFirst = new ArrayList<>(modified.keySet());
        oldestFirst.sort(java.util.Comparator.comparing(modified::get));
        for (int i = 0; i < oldestFirst.size() - maxEntries; i++) {
            Files.deleteIfExists(oldestFirst.get(i));
        }
    }

    private void requireJsonValue(String key, Object value) {
        // JSON gives back exactly these types (a long would come back as an int when small)
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Double) {
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(v -> requireJsonValue(key, v));
            return;
        }
        if (value instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)) {
            map.values().forEach(v -> requireJsonValue(key, v));
            return;
        }
        throw new ConfigurationException("step '" + step.name() + "' set context key '" + key + "' to a "
                + typeOf(value) + ", which a step cache cannot give back as it was (only strings, int, double, "
                + "booleans, and lists and maps of them): remove its caching");
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    /** One cached run of the step. */
    record Entry(String format, String key, String output, Map<String, List<Double>> metrics,
            Map<String, Object> writes) {
    }

    /** JSON through the library's mapper, read back as the declared type. */
    private record JsonCodec<O>(String step, Class<O> type) implements StepCodec<O> {
        @Override
        public byte[] encode(O output) {
            if (output != null && !type.isInstance(output) && !type.isPrimitive()) {
                throw new IllegalArgumentException("it is a " + output.getClass().getName() + ", not the declared "
                        + type.getName());
            }
            byte[] bytes = Json.MAPPER.writeValueAsBytes(output);
            // what a hit would give back must be what the step gave: same class, equal where equality is defined
            Object back = output == null ? null : Json.MAPPER.readValue(bytes, type);
            if (output != null && (back == null || back.getClass() != output.getClass()
                    || definesEquality(output.getClass()) && !back.equals(output))) {
                throw new IllegalArgumentException("its JSON reads back as " + (back == null ? "null"
                        : back.getClass().getName() + " " + back) + ", not as the " + output.getClass().getName()
                        + " it was");
            }
            return bytes;
        }

        private static boolean definesEquality(Class<?> type) {
            try {
                return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }

        @Override
        public O decode(byte[] bytes) {
            return Json.MAPPER.readValue(bytes, type);
        }
    }
}
