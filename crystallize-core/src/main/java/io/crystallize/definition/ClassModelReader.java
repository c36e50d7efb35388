package io.crystallize.definition;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Disabled;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Tag;
import io.crystallize.annotation.Treatment;
import io.crystallize.internal.model.DataSourceModel;
import io.crystallize.internal.model.ElementRef;
import io.crystallize.internal.model.ExperimentModel;
import io.crystallize.internal.model.HypothesisModel;
import io.crystallize.internal.model.Injection;
import io.crystallize.internal.model.MethodModel;
import io.crystallize.internal.model.ParamModel;
import io.crystallize.internal.model.ParameterModel;
import io.crystallize.internal.model.StepModel;
import io.crystallize.internal.model.TreatmentModel;
import io.crystallize.internal.model.TypeRef;
import io.crystallize.internal.model.TypeShape;
import io.crystallize.internal.model.TypeRelation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The runtime reader's front end: builds the {@link ExperimentModel} of a compiled class with
 * reflection, taking declaration order from the class file (javac writes members in source order;
 * reflection promises no order).
 */
final class ClassModelReader {

    /** The model, with the reflective members its ordinals and names refer to. */
    record Reading(ExperimentModel model, List<Method> methods, Map<String, Field> fields, List<Class<?>> upstream,
            TypeRelation types) {
    }

    private final Class<?> type;
    private final Map<String, Class<?>> classes = new HashMap<>();

    private ClassModelReader(Class<?> type) {
        this.type = type;
    }

    static Reading read(Class<?> type) {
        return new ClassModelReader(type).read();
    }

    private Reading read() {
        DeclarationOrder description = describe();
        List<Method> methods = annotatedMethods(description);
        List<Field> fields = paramFields(description);
        Experiment experiment = type.getAnnotation(Experiment.class);
        String name = experiment == null || experiment.name().isEmpty() ? type.getSimpleName() : experiment.name();
        Disabled disabled = type.getAnnotation(Disabled.class);

        List<ParamModel> params = fields.stream().map(this::param).toList();
        List<DataSourceModel> sources = new ArrayList<>();
        List<StepModel> steps = new ArrayList<>();
        List<TreatmentModel> treatments = new ArrayList<>();
        List<HypothesisModel> hypotheses = new ArrayList<>();
        Treatment[] classTreatments = type.getAnnotationsByType(Treatment.class);
        for (int i = 0; i < classTreatments.length; i++) {
            treatments.add(new TreatmentModel(classTreatments[i].name(), List.of(classTreatments[i].set()), null,
                    ElementRef.ofClass("Treatment", i)));
        }
        for (int ordinal = 0; ordinal < methods.size(); ordinal++) {
            Method method = methods.get(ordinal);
            DataSource source = method.getAnnotation(DataSource.class);
            if (source != null) {
                sources.add(dataSource(source, method(method, ordinal, "DataSource")));
            }
            Step step = method.getAnnotation(Step.class);
            if (step != null) {
                steps.add(new StepModel(step.value().isEmpty() ? method.getName() : step.value(),
                        method(method, ordinal, "Step"), step.cache(), shape(method.getGenericReturnType())));
            }
            Treatment[] declared = method.getAnnotationsByType(Treatment.class);
            for (int i = 0; i < declared.length; i++) {
                MethodModel model = method(method, ordinal, "Treatment");
                treatments.add(new TreatmentModel(declared[i].name(), List.of(declared[i].set()),
                        model.returnType().isVoid() ? null : model, model.ref().withAnnotation("Treatment", i)));
            }
            Hypothesis hypothesis = method.getAnnotation(Hypothesis.class);
            if (hypothesis != null) {
                hypotheses.add(hypothesis(hypothesis, method(method, ordinal, "Hypothesis")));
            }
        }
        ExperimentModel model = new ExperimentModel(typeRef(type), type.getName(),
                type.getPackageName(), name,
                experiment == null ? Experiment.UNSET : experiment.replicates(),
                experiment == null ? Experiment.UNSET_SEED : experiment.seed(),
                experiment == null ? 0 : experiment.warmupReplicates(),
                experiment != null && experiment.interleaved(),
                Arrays.stream(type.getAnnotationsByType(Tag.class)).map(Tag::value).toList(),
                disabled == null ? null : disabled.value(), instantiable(), params, sources, steps, treatments,
                hypotheses);
        Map<String, Field> byName = fields.stream().collect(Collectors.toMap(Field::getName, f -> f));
        List<Class<?>> upstream = methods.stream().map(m -> m.getAnnotation(DataSource.class))
                .filter(s -> s != null && s.upstream() != void.class).<Class<?>>map(DataSource::upstream).toList();
        return new Reading(model, methods, byName, upstream, this::isAssignable);
    }

    private DeclarationOrder describe() {
        DeclarationOrder order = DeclarationOrder.of(type);
        if (order == null) {
            throw new DefinitionException(type, "the class file of " + type.getName() + " cannot be read from its "
                    + "class loader, so the declaration order of its steps is unknown: compile it with the "
                    + "crystallize-processor");
        }
        return order;
    }

    private List<Method> annotatedMethods(DeclarationOrder order) {
        Map<String, Method> bySignature = new HashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isSynthetic() && !method.isBridge()) {
                bySignature.put(method.getName()
                        + MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString(),
                        method);
            }
        }
        List<Method> ordered = new ArrayList<>();
        for (String declared : order.methods()) {
            Method method = bySignature.get(declared);
            if (method != null && isAnnotated(method)) {
                ordered.add(method);
            }
        }
        return ordered;
    }

    private static boolean isAnnotated(Method method) {
        return method.isAnnotationPresent(DataSource.class) || method.isAnnotationPresent(Step.class)
                || method.getAnnotationsByType(Treatment.class).length > 0
                || method.isAnnotationPresent(Hypothesis.class);
    }

    private List<Field> paramFields(DeclarationOrder order) {
        Map<String, Field> byName = new HashMap<>();
        for (Field field : type.getDeclaredFields()) {
            byName.put(field.getName(), field);
        }
        List<Field> ordered = new ArrayList<>();
        for (String declared : order.fields()) {
            Field field = byName.get(declared);
            if (field != null && field.isAnnotationPresent(Param.class)) {
                ordered.add(field);
            }
        }
        return ordered;
    }

    private ParamModel param(Field field) {
        String name = field.getAnnotation(Param.class).value();
        int modifiers = field.getModifiers();
        return new ParamModel(name.isEmpty() ? field.getName() : name, field.getName(), typeRef(field.getGenericType()),
                Modifier.isPrivate(modifiers), Modifier.isStatic(modifiers), Modifier.isFinal(modifiers),
                ElementRef.ofField(field.getName(), "Param"));
    }

    private MethodModel method(Method method, int ordinal, String annotation) {
        List<ParameterModel> parameters = new ArrayList<>();
        Parameter[] declared = method.getParameters();
        Type[] generic = method.getGenericParameterTypes();
        for (int i = 0; i < declared.length; i++) {
            // generic types of some synthetic parameters are missing; fall back to the plain type
            TypeRef parameterType = typeRef(generic.length == declared.length ? generic[i] : declared[i].getType());
            Param param = declared[i].getAnnotation(Param.class);
            parameters.add(new ParameterModel(Injection.of(parameterType, param != null), parameterType,
                    param == null ? "" : param.value(), ElementRef.ofParameter(method.getName(), ordinal, i, "")));
        }
        int modifiers = method.getModifiers();
        return new MethodModel(method.getName(), Modifier.isPrivate(modifiers), Modifier.isStatic(modifiers),
                typeRef(method.getGenericReturnType()), parameters,
                ElementRef.ofMethod(method.getName(), ordinal, annotation, 0));
    }

    private static TypeShape shape(Type type) {
        if (type instanceof TypeVariable<?>) {
            return TypeShape.TYPE_VARIABLE;
        }
        Class<?> raw = raw(type);
        if (raw.isInterface()) {
            return TypeShape.INTERFACE;
        }
        if (!raw.isPrimitive() && !raw.isArray() && !raw.isEnum() && Modifier.isAbstract(raw.getModifiers())) {
            return TypeShape.ABSTRACT_CLASS;
        }
        return TypeShape.CONCRETE;
    }

    private DataSourceModel dataSource(DataSource source, MethodModel method) {
        Class<?> upstream = source.upstream();
        if (upstream == void.class) {
            return new DataSourceModel(method, null, "", false, source.step(), source.artifact(), source.condition());
        }
        Experiment experiment = upstream.getAnnotation(Experiment.class);
        String name = experiment == null || experiment.name().isEmpty() ? upstream.getSimpleName() : experiment.name();
        return new DataSourceModel(method, typeRef(upstream), name, experiment != null, source.step(),
                source.artifact(), source.condition());
    }

    private HypothesisModel hypothesis(Hypothesis h, MethodModel method) {
        return new HypothesisModel(h.name().isEmpty() ? method.name() : h.name(), List.of(h.metric()), h.expect(),
                h.direction(), h.test(), h.alpha(), h.margin(), h.relative(), List.of(h.treatments()),
                h.aggregate(), h.deterministic(), method, h.binary());
    }

    private boolean instantiable() {
        int modifiers = type.getModifiers();
        if (Modifier.isAbstract(modifiers) || type.isInterface() || Modifier.isPrivate(modifiers)
                || type.isLocalClass() || type.isAnonymousClass() || type.getTypeParameters().length > 0
                || type.isMemberClass() && !Modifier.isStatic(modifiers)) {
            return false;
        }
        return Arrays.stream(type.getDeclaredConstructors())
                .anyMatch(c -> c.getParameterCount() == 0 && !Modifier.isPrivate(c.getModifiers()));
    }

    private TypeRef typeRef(Type reflected) {
        Class<?> raw = raw(reflected);
        String erasure = name(raw);
        classes.putIfAbsent(erasure, raw);
        return new TypeRef(name(reflected), erasure);
    }

    private boolean isAssignable(TypeRef from, TypeRef to) {
        Class<?> source = classes.get(from.boxed().erasure());
        Class<?> target = classes.get(to.boxed().erasure());
        if (source == null) {
            source = classes.get(from.erasure());
            source = source == null ? null : box(source);
        }
        if (target == null) {
            target = classes.get(to.erasure());
            target = target == null ? null : box(target);
        }
        return source != null && target != null && target.isAssignableFrom(source);
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return java.lang.invoke.MethodType.methodType(c).wrap().returnType();
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        if (t instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        if (t instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    /** A type in source form, as javac's type mirrors print it. */
    static String name(Type t) {
        if (t instanceof Class<?> c) {
            if (c.isArray()) {
                return name(c.getComponentType()) + "[]";
            }
            return c.getCanonicalName() != null ? c.getCanonicalName() : c.getName();
        }
        if (t instanceof ParameterizedType p) {
            return name(p.getRawType()) + Arrays.stream(p.getActualTypeArguments()).map(ClassModelReader::name)
                    .collect(Collectors.joining(",", "<", ">"));
        }
        if (t instanceof GenericArrayType g) {
            return name(g.getGenericComponentType()) + "[]";
        }
        if (t instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + name(w.getLowerBounds()[0]);
            }
            Type upper = w.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + name(upper);
        }
        return t.getTypeName();
    }
}
