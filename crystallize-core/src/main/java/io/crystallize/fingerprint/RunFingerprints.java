package io.crystallize.fingerprint;

import io.crystallize.core.Execution;
import io.crystallize.core.Experiment;
import io.crystallize.core.Plugin;
import io.crystallize.core.SeedPlugin;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.internal.json.Json;
import io.crystallize.internal.json.JsonOut;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.bytebuddy.jar.asm.Type;

/**
 * The fingerprints of one execution: the experiment's (the code every run executes: data source,
 * steps, plugins and what they reach; the steps' order; replicates; warm-up and interleaving
 * options; the identity of upstream inputs) and each condition's (the experiment's, plus the
 * condition's resolved parameter values, its computed treatment's code, and the seed of each of
 * its replicates). Two conditions with equal fingerprints run the same code on the same inputs.
 *
 * <p>For an experiment whose id names a class of the project (an annotated experiment), that
 * class's methods are part of the code too, except its treatment and hypothesis methods: a
 * treatment method's effect is its parameter values, which the condition's fingerprint holds.
 */
public final class RunFingerprints {

    /** Changes when what goes into a fingerprint changes, so older fingerprints never match. */
    static final String FORMAT = "crystallize-fingerprint-3";

    private final String experiment;
    private final Map<String, String> conditions;

    private RunFingerprints(String experiment, Map<String, String> conditions) {
        this.experiment = experiment;
        this.conditions = Collections.unmodifiableMap(conditions);
    }

    /** Fingerprints every condition of an execution (called before its runs start). */
    public static RunFingerprints of(Execution execution) {
        Experiment experiment = execution.experiment();
        Traversal code = new Traversal(ClassIndex.of(loaderOf(experiment)));
        code.object(experiment.dataSource());
        int i = 0;
        for (Step<?, ?> step : experiment.pipeline().steps()) {
            code.object(step);
            code.value("step " + i++, step.name());
        }
        for (Plugin plugin : experiment.plugins()) {
            code.object(plugin);
        }
        experimentClass(experiment, code);
        code.value("format", FORMAT);
        code.value("experiment", experiment.name());
        code.value("replicates", String.valueOf(execution.replicates()));
        code.value("warmups", String.valueOf(experiment.options().warmupReplicates()));
        code.value("interleaved", String.valueOf(experiment.options().interleaved()));
        code.value("input", inputIdentities(experiment.dataSource()));
        String experimentPrint = code.digest();
        SeedPlugin seeds = experiment.getPlugin(SeedPlugin.class).orElseThrow();
        Map<String, Treatment> treatments = new LinkedHashMap<>();
        execution.treatments().forEach(t -> treatments.put(t.name(), t));
        Map<String, String> conditions = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> condition : execution.conditionParameters().entrySet()) {
            StringBuilder text = new StringBuilder(experimentPrint).append('\n');
            text.append("parameters ").append(json(condition.getValue())).append('\n');
            Treatment treatment = treatments.get(condition.getKey());
            if (treatment != null && treatment.isComputed()) {
                text.append("computed ").append(CodeFingerprint.ofObjects(treatment.function()).value()).append('\n');
            }
            text.append("seeds");
            for (int r = 0; r < execution.replicates(); r++) {
                text.append(' ').append(seeds.replicateSeed(r, condition.getKey()));
            }
            conditions.put(condition.getKey(), Digests.sha256(text.toString()));
        }
        return new RunFingerprints(experimentPrint, conditions);
    }

    /**
     * Reads and walks, ahead of its executions, the code that fingerprinting an execution of the
     * annotated {@code experimentClass} reads: that class (its generated class is known by its
     * model and not read). Optional: the fingerprints stay the same, later ones only take less time;
     * meant for a thread of its own while other experiments run. Code that cannot be read is left
     * to the fingerprint itself, which reports it.
     */
    public static void prepare(Class<?> experimentClass) {
        try {
            new Traversal(ClassIndex.of(experimentClass.getClassLoader()))
                    .wholeClassExcept(Traversal.internalName(experimentClass), NOT_CODE.get(experimentClass));
        } catch (RuntimeException | LinkageError e) {
            // the execution's own fingerprint meets this again and reports it
        }
    }

    /** The fingerprint of what every condition shares. */
    public String experiment() {
        return experiment;
    }

    /** Each condition's fingerprint, by condition name, baseline first. */
    public Map<String, String> conditions() {
        return conditions;
    }

    /** The fingerprints as metadata stores them: {@code experiment} and {@code conditions}. */
    public Map<String, Object> toMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("experiment", experiment);
        m.put("conditions", new LinkedHashMap<>(conditions));
        return m;
    }

    private static ClassLoader loaderOf(Experiment experiment) {
        ClassLoader loader = experiment.dataSource().getClass().getClassLoader();
        return loader != null ? loader : Thread.currentThread().getContextClassLoader();
    }

    private static void experimentClass(Experiment experiment, Traversal code) {
        Class<?> source = experiment.dataSource().getClass();
        Class<?> type = (source.getClassLoader() == null ? experimentClass(experiment.id(), loaderOf(experiment))
                : EXPERIMENT_CLASSES.get(source).computeIfAbsent(experiment.id(), id -> experimentClass(id, loaderOf(experiment))))
                .orElse(null);
        if (type != null) {
            code.wholeClassExcept(Traversal.internalName(type), NOT_CODE.get(type));
        }
    }

    /** The class an experiment id names, or empty for a programmatic experiment: its code is its objects. */
    private static Optional<Class<?>> experimentClass(String id, ClassLoader loader) {
        try {
            return Optional.of(Class.forName(id, false, loader));
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Per data source class, experiment id → the class it names, as found from that data source's
     * loader: looking a class up by name costs a short execution's fingerprint a sixth of its time.
     */
    private static final ClassValue<Map<String, Optional<Class<?>>>> EXPERIMENT_CLASSES = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Class<?>>> computeValue(Class<?> dataSource) {
            return new java.util.concurrent.ConcurrentHashMap<>();
        }
    };

    /** An experiment class's treatment and hypothesis methods (name + descriptor), read once per class. */
    private static final ClassValue<Set<String>> NOT_CODE = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return treatmentsAndHypotheses(type);
        }
    };

    /** An experiment class's treatment and hypothesis methods (name + descriptor): not part of its code. */
    static Set<String> notCode(Class<?> experimentClass) {
        return NOT_CODE.get(experimentClass);
    }

    private static Set<String> treatmentsAndHypotheses(Class<?> type) {
        Set<String> skipped = new HashSet<>();
        for (Method method : type.getDeclaredMethods()) {
            for (Annotation annotation : method.getAnnotations()) {
                String name = annotation.annotationType().getName();
                if (name.equals("io.crystallize.annotation.Treatment") || name.equals("io.crystallize.annotation.Treatments")
                        || name.equals("io.crystallize.annotation.Hypothesis")) {
                    skipped.add(method.getName() + Type.getMethodDescriptor(method));
                }
            }
        }
        return Set.copyOf(skipped);
    }

    /** Identities of the data sources reachable from this one's fields (an upstream experiment it wraps). */
    private static String inputIdentities(Object source) {
        StringBuilder out = new StringBuilder();
        if (source instanceof InputIdentity identity) {
            out.append(identity.inputIdentity());
        }
        for (Class<?> c = source.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    if (field.get(source) instanceof InputIdentity identity) {
                        out.append(' ').append(identity.inputIdentity());
                    }
                } catch (RuntimeException | IllegalAccessException e) {
                    // a field we may not read holds nothing we could identify
                }
            }
        }
        return out.toString();
    }

    private static String json(Map<String, Object> values) {
        try {
            // the same text either way; plain values need no mapper
            return JsonOut.isPlain(values) ? JsonOut.text(values) : Json.MAPPER.writeValueAsString(values);
        } catch (Exception e) {
            return String.valueOf(values);
        }
    }
}
