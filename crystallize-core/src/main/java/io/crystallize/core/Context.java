package io.crystallize.core;

import io.crystallize.base.Names;
import io.crystallize.base.Seeds;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * What a run knows: its parameters (baseline defaults with the treatment's overrides applied),
 * {@code replicate}, {@code condition} and {@code seed}, plus the keys earlier steps added. Steps
 * may add keys but never change one. Collections and arrays are copied in and read out as
 * unmodifiable views or copies; other values must be immutable.
 *
 * <p>Each run has its own context, used by one thread at a time.
 */
public final class Context {

    /** Reserved keys every context holds. */
    public static final String REPLICATE = "replicate";
    public static final String CONDITION = "condition";
    public static final String SEED = "seed";

    private final Map<String, Object> parameters;
    private Map<String, Object> added;
    private final int replicate;
    private final String condition;
    private final long seed;
    private RandomGenerator random;
    private final Metrics metrics;
    private final Resources resources;
    private ArtifactLog artifacts;
    private String currentStep;
    private StepTrace trace;

    /**
     * @param parameters this condition's parameter values, already {@linkplain #freeze frozen};
     *                   shared by the condition's runs and never modified
     */
    Context(Map<String, Object> parameters, int replicate, String condition, long seed, Resources resources) {
        this.parameters = parameters;
        this.replicate = replicate;
        this.condition = condition;
        this.seed = seed;
        this.metrics = new Metrics(replicate, condition);
        this.resources = resources;
    }

    /**
     * A stand-alone context holding {@code values}, for unit-testing steps outside an experiment.
     */
    public static Context of(Map<String, ?> values) {
        return new Context(frozenCopy(values), 0, Names.BASELINE, 0L, new Resources());
    }

    /** A copy of {@code values} with collections and arrays frozen, as contexts hold them. */
    static Map<String, Object> frozenCopy(Map<String, ?> values) {
        Map<String, Object> copy = new java.util.HashMap<>(values.size() * 2);
        values.forEach((k, v) -> copy.put(k, freeze(v)));
        return Collections.unmodifiableMap(copy);
    }

    public int replicate() {
        return replicate;
    }

    public String condition() {
        return condition;
    }

    /** The replicate seed (the same for every condition of a replicate). */
    public long seed() {
        return seed;
    }

    /** This run's generator, seeded from {@link #seed()} with a pinned algorithm. */
    public RandomGenerator random() {
        if (random == null) {
            random = Seeds.generator(seed);
        }
        return random;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Execution-scoped resources that steps prepared in {@code setup}. */
    public Resources resources() {
        return resources;
    }

    /** Whether the running step has written any artifact (cheap: for plugins that store them). */
    public boolean wroteArtifacts() {
        return artifacts != null && !artifacts.written().isEmpty();
    }

    /** Where the running step writes artifacts. */
    public Artifacts artifacts() {
        return artifactLog();
    }

    public boolean contains(String key) {
        return isReserved(key) || parameters.containsKey(key) || (added != null && added.containsKey(key));
    }

    /** Every key, in no particular order. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(List.of(REPLICATE, CONDITION, SEED));
        keys.addAll(parameters.keySet());
        if (added != null) {
            keys.addAll(added.keySet());
        }
        return Collections.unmodifiableSet(keys);
    }

    private static boolean isReserved(String key) {
        return REPLICATE.equals(key) || CONDITION.equals(key) || SEED.equals(key);
    }

    private Object lookup(String key) {
        Object value = parameters.get(key);
        if (value != null) {
            return value;
        }
        switch (key) {
            case REPLICATE:
                return replicate;
            case CONDITION:
                return condition;
            case SEED:
                return seed;
            default:
                return added == null ? null : added.get(key);
        }
    }

    /** The value of {@code key}; a missing key is an error naming the known keys. */
    public Object get(String key) {
        Object value = lookup(key);
        if (value == null && !contains(key)) {
            throw new IllegalArgumentException("context has no key '" + key + "'" + Names.didYouMean(key, keys())
                    + (currentStep == null ? "" : " (read by step '" + currentStep + "')")
                    + "; declare it as a parameter or have an earlier step set it. Keys: " + new java.util.TreeSet<>(keys()));
        }
        if (trace != null) {
            trace.read(key, value);
        }
        return thaw(value);
    }

    /** The value of {@code key}, or {@code fallback} when absent. */
    public Object get(String key, Object fallback) {
        return contains(key) ? get(key) : fallback;
    }

    /** The value of {@code key} as a {@code type}; a wrong type is an error naming key and types. */
    public <T> T get(String key, Class<T> type) {
        Object value = get(key);
        if (value != null && !type.isInstance(value)) {
            throw new ClassCastException("context key '" + key + "' holds a " + value.getClass().getSimpleName()
                    + " (" + value + "), not a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    public double getDouble(String key) {
        return number(key).doubleValue();
    }

    public long getLong(String key) {
        Number n = number(key);
        if (n instanceof Double || n instanceof Float) {
            throw new ClassCastException("context key '" + key + "' holds a " + n.getClass().getSimpleName()
                    + " (" + n + "), not a whole number");
        }
        return n.longValue();
    }

    public int getInt(String key) {
        long value = getLong(key);
        if (value != (int) value) {
            throw new ClassCastException("context key '" + key + "' holds " + value + ", which does not fit an int");
        }
        return (int) value;
    }

    public String getString(String key) {
        return get(key, String.class);
    }

    public boolean getBoolean(String key) {
        return get(key, Boolean.class);
    }

    private Number number(String key) {
        Object value = get(key);
        if (!(value instanceof Number n)) {
            throw new ClassCastException("context key '" + key + "' holds "
                    + (value == null ? "null" : "a " + value.getClass().getSimpleName() + " (" + value + ")")
                    + ", not a number");
        }
        return n;
    }

    /**
     * Adds a new key. Keys are never overwritten: setting an existing key (a parameter, a reserved
     * key or one an earlier step added) is an error naming the key and the step.
     */
    public void set(String key, Object value) {
        if (contains(key)) {
            throw new IllegalStateException("Cannot mutate existing key: '" + key + "'"
                    + (currentStep == null ? "" : " (step '" + currentStep + "')")
                    + "; context keys are write-once: choose a new key");
        }
        Object frozen = freeze(value);
        if (added == null) {
            added = new java.util.HashMap<>(4);
        }
        added.put(key, frozen);
        if (trace != null) {
            trace.wrote(key, frozen);
        }
    }

    void enterStep(String step, StepTrace stepTrace) {
        this.currentStep = step;
        this.trace = stepTrace;
        if (artifacts != null) {
            artifacts.startStep(step);
        }
    }

    void leaveStep() {
        this.currentStep = null;
        this.trace = null;
    }

    String currentStep() {
        return currentStep;
    }

    ArtifactLog artifactLog() {
        if (artifacts == null) {
            artifacts = new ArtifactLog();
            artifacts.startStep(currentStep);
        }
        return artifacts;
    }

    /** The artifact log when any step touched it, else {@code null}. */
    ArtifactLog artifactLogIfUsed() {
        return artifacts;
    }

    static Object freeze(Object value) {
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(new ArrayList<>(list));
        }
        if (value instanceof Set<?> set) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(set));
        }
        if (value instanceof Map<?, ?> map) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
        if (value instanceof Collection<?> other) {
            return Collections.unmodifiableList(new ArrayList<>(other));
        }
        if (value != null && value.getClass().isArray()) {
            return copyArray(value);
        }
        return value;
    }

    private static Object thaw(Object value) {
        return value != null && value.getClass().isArray() ? copyArray(value) : value;
    }

    private static Object copyArray(Object array) {
        int length = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), length);
        System.arraycopy(array, 0, copy, 0, length);
        return copy;
    }

    @Override
    public String toString() {
        return "Context[" + condition + " rep " + replicate + ", seed " + seed + "]";
    }
}
