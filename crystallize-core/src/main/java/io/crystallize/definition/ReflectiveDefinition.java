package io.crystallize.definition;

import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.hypothesis.Expectation;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.hypothesis.Samples;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.hypothesis.Verifier;
import io.crystallize.internal.wiring.RunState;
import io.crystallize.internal.model.DataSourceModel;
import io.crystallize.internal.model.ExperimentModel;
import io.crystallize.internal.model.HypothesisModel;
import io.crystallize.internal.model.Literal;
import io.crystallize.internal.model.MethodModel;
import io.crystallize.internal.model.ParamModel;
import io.crystallize.internal.model.ParameterModel;
import io.crystallize.internal.model.StepModel;
import io.crystallize.internal.model.TreatmentModel;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The runtime reader's definition: wires the same {@link Experiment} as the generated code would,
 * calling the class's methods through method handles.
 */
final class ReflectiveDefinition implements ExperimentDefinition {

    private final Class<?> type;
    private final ExperimentModel model;
    private final List<MethodHandle> methods = new ArrayList<>();
    private final List<Class<?>> returnTypes = new ArrayList<>();
    private final Map<String, MethodHandle> setters = new LinkedHashMap<>();
    private final Map<String, MethodHandle> getters = new LinkedHashMap<>();
    private final MethodHandle constructor;
    private final List<Class<?>> upstream;

    ReflectiveDefinition(Class<?> type, ClassModelReader.Reading reading) {
        this.type = type;
        this.model = reading.model();
        this.upstream = reading.upstream();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (Method method : reading.methods()) {
                method.setAccessible(true);
                methods.add(spread(lookup.unreflect(method)));
                returnTypes.add(method.getReturnType());
            }
            for (ParamModel param : model.params()) {
                Field field = reading.fields().get(param.field());
                field.setAccessible(true);
                setters.put(param.name(), spread(lookup.unreflectSetter(field)));
                getters.put(param.name(), spread(lookup.unreflectGetter(field)));
            }
            Constructor<?> noArgs = type.getDeclaredConstructor();
            noArgs.setAccessible(true);
            this.constructor = spread(lookup.unreflectConstructor(noArgs));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new DefinitionException(type, "cannot access the members of " + type.getName() + " (" + e + ")");
        }
    }

    @Override
    public Class<?> experimentClass() {
        return type;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public Set<String> tags() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(model.tags()));
    }

    @Override
    public Optional<String> disabledReason() {
        return Optional.ofNullable(model.disabledReason());
    }

    @Override
    public List<String> treatments() {
        return model.treatmentNames();
    }

    @Override
    public List<HypothesisDeclaration> hypotheses() {
        return model.hypotheses().stream().map(h -> new HypothesisDeclaration(h.method().name(), h.name(),
                h.metrics(), h.coveredTreatments(model.treatmentNames()))).toList();
    }

    @Override
    public List<Class<?>> upstream() {
        return upstream;
    }

    @Override
    public String modelHash() {
        return model.hash();
    }

    @Override
    public boolean generated() {
        return false;
    }

    @Override
    public Experiment experiment(ExperimentSettings settings) {
        Object defaults = instantiate();
        Experiment.Builder builder = Experiment.builder(model.name()).id(type.getName());
        for (ParamModel param : model.params()) {
            builder.parameter(param.name(), invoke(getters.get(param.name()), defaults));
        }
        builder.dataSource(dataSource(settings));
        List<StepModel> steps = model.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepModel step = steps.get(i);
            boolean last = i == steps.size() - 1;
            builder.step(step.cache()
                    ? settings.cachedStep(model.name(), step(step, last), type, step.method().name(),
                            returnTypes.get(step.method().ref().ordinal()), last)
                    : step(step, last));
        }
        for (TreatmentModel treatment : model.treatments()) {
            builder.treatment(treatment(treatment));
        }
        for (HypothesisModel hypothesis : model.hypotheses()) {
            builder.hypothesis(hypothesis(hypothesis, settings));
        }
        return settings.build(builder, model.replicates(), model.seed(), model.warmupReplicates(), model.interleaved());
    }

    private DataSource<RunState<Object>> dataSource(ExperimentSettings settings) {
        DataSourceModel source = model.dataSources().get(0);
        DataSource<Path> upstream = source.hasUpstream()
                ? settings.upstreamArtifact(source.upstreamName(), source.step(), source.artifact(), source.condition())
                : null;
        MethodHandle handle = methods.get(source.method().ref().ordinal());
        return new DataSource<>() {
            @Override
            public RunState<Object> fetch(Context context) throws Exception {
                Object instance = instantiate();
                for (Map.Entry<String, MethodHandle> setter : setters.entrySet()) {
                    invoke(setter.getValue(), instance, context.get(setter.getKey()));
                }
                Object input = upstream == null ? null : upstream.fetch(context);
                return new RunState<>(instance, call(handle, source.method(), instance, input, context));
            }

            @Override
            public OptionalInt replicates() {
                return upstream == null ? OptionalInt.empty() : upstream.replicates();
            }
        };
    }

    private Step<RunState<Object>, Object> step(StepModel step, boolean last) {
        MethodModel method = step.method();
        MethodHandle handle = methods.get(method.ref().ordinal());
        return Step.of(step.name(), (run, context) -> {
            Object output = call(handle, method, run.instance(), run.value(), context);
            Object next = method.returnType().isVoid() ? run.value() : output;
            return last ? next : run.next(next);
        });
    }

    private Treatment treatment(TreatmentModel treatment) {
        if (treatment.values() != null) {
            Map<?, ?> values = (Map<?, ?>) invoke(methods.get(treatment.values().ref().ordinal()));
            Map<String, Object> overrides = new LinkedHashMap<>();
            values.forEach((k, v) -> overrides.put(String.valueOf(k), v));
            return Treatment.of(treatment.name(), overrides);
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (String literal : treatment.set()) {
            String[] parts = Literal.split(literal);
            ParamModel param = model.params().stream().filter(p -> p.name().equals(parts[0])).findFirst().orElseThrow();
            overrides.put(parts[0], Literal.parse(parts[0], param.type(), parts[1]).value());
        }
        return Treatment.of(treatment.name(), overrides);
    }

    private Hypothesis hypothesis(HypothesisModel h, ExperimentSettings settings) {
        Verifier verifier = h.test().verifier();
        if (h.isCustomVerifier()) {
            MethodModel method = h.method();
            MethodHandle handle = methods.get(method.ref().ordinal());
            verifier = new Verifier() {
                @Override
                public Verdict verify(Samples samples, Question question) {
                    Object instance = instantiate();
                    List<Object> args = new ArrayList<>();
                    args.add(instance);
                    for (ParameterModel parameter : method.parameters()) {
                        args.add(parameter.type().erasure().endsWith("Samples") ? samples : question);
                    }
                    return (Verdict) invokeWithArguments(handle, args);
                }

                @Override
                public String name() {
                    return method.name();
                }
            };
        }
        Hypothesis.Builder builder = Hypothesis.on(h.metrics().toArray(String[]::new))
                .name(h.name())
                .expect(new Expectation(h.expect(), h.margin(), h.relative()))
                .direction(h.direction())
                .verifier(verifier)
                .alpha(settings.alpha(h.alpha()))
                .aggregate(h.aggregate())
                .deterministic(h.deterministic())
                .treatments(h.treatments());
        return (h.binary() ? builder.binary() : builder).build();
    }

    private Object call(MethodHandle handle, MethodModel method, Object instance, Object input, Context context) {
        Object[] args = new Object[method.parameters().size() + 1];
        args[0] = instance;
        int i = 1;
        for (ParameterModel parameter : method.parameters()) {
            args[i++] = (switch (parameter.injection()) {
                case INPUT -> input;
                case CONTEXT -> context;
                case METRICS -> context.metrics();
                case RANDOM -> context.random();
                case ARTIFACTS -> context.artifacts();
                case PARAM -> context.get(parameter.param());
                case SAMPLES, QUESTION -> throw new IllegalStateException("not injectable: " + parameter);
            });
        }
        return invoke(handle, args);
    }

    private Object instantiate() {
        return invoke(constructor);
    }

    /** Calls a handle made by {@link #spread}. */
    private static Object invoke(MethodHandle handle, Object... args) {
        try {
            return (Object) handle.invokeExact(args);
        } catch (Throwable e) {
            throw ReflectiveDefinition.<RuntimeException>propagate(e);
        }
    }

    private static Object invokeWithArguments(MethodHandle handle, List<Object> args) {
        return invoke(handle, args.toArray());
    }

    /**
     * {@code handle} adapted to {@code (Object[]) -> Object}, so calls go through
     * {@code invokeExact} instead of the much slower {@code invokeWithArguments}: it is on the
     * per-run path (setters, data source, every step).
     */
    private static MethodHandle spread(MethodHandle handle) {
        int arity = handle.type().parameterCount();
        return handle.asType(java.lang.invoke.MethodType.genericMethodType(arity)).asSpreader(Object[].class, arity);
    }

    /** Rethrows what the user's method threw, unwrapped, as the generated code's direct call would. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T propagate(Throwable e) throws T {
        throw (T) e;
    }
}
