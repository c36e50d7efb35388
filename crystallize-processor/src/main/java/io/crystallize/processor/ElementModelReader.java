package io.crystallize.processor;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Disabled;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Tag;
import io.crystallize.annotation.Treatment;
import io.crystallize.annotation.Treatments;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The processor's front end: builds the {@link ExperimentModel} of an annotated class from
 * {@code javax.lang.model}, remembering where each {@link ElementRef} points so problems land on
 * the right element and annotation.
 */
final class ElementModelReader {

    /** Where a problem is reported: an element and, when known, the annotation on it. */
    record Location(Element element, AnnotationMirror annotation, AnnotationValue value) {

        Location(Element element, AnnotationMirror annotation) {
            this(element, annotation, null);
        }
    }

    /** A repeatable annotation as written: its own mirror, or its container's mirror and the array item. */
    private record Repeated(AnnotationMirror mirror, AnnotationValue item) {
    }

    /** The model and how to locate and type-check its parts. */
    record Reading(ExperimentModel model, Map<ElementRef, Location> locations, TypeRelation types) {
    }

    private final Elements elements;
    private final Types types;
    private final Map<ElementRef, Location> locations = new HashMap<>();
    private final Map<String, TypeMirror> mirrors = new HashMap<>();

    private ElementModelReader(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    static Reading read(TypeElement type, Elements elements, Types types) {
        return new ElementModelReader(elements, types).read(type);
    }

    private Reading read(TypeElement type) {
        Experiment experiment = type.getAnnotation(Experiment.class);
        locate(ElementRef.ofClass("Experiment", 0), type, mirror(type, Experiment.class));
        List<Repeated> tagMirrors = repeated(type, Tag.class.getName(), io.crystallize.annotation.Tags.class.getName());
        List<String> tags = new ArrayList<>();
        Tag[] tagValues = type.getAnnotationsByType(Tag.class);
        for (int i = 0; i < tagValues.length; i++) {
            tags.add(tagValues[i].value());
            locate(ElementRef.ofClass("Tag", i), type, tagMirrors, i);
        }
        List<TreatmentModel> treatments = new ArrayList<>();
        List<Repeated> classTreatments = repeated(type, Treatment.class.getName(), Treatments.class.getName());
        Treatment[] classValues = type.getAnnotationsByType(Treatment.class);
        for (int i = 0; i < classValues.length; i++) {
            ElementRef ref = ElementRef.ofClass("Treatment", i);
            locate(ref, type, classTreatments, i);
            treatments.add(new TreatmentModel(classValues[i].name(), List.of(classValues[i].set()), null, ref));
        }
        List<ParamModel> params = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            Param param = field.getAnnotation(Param.class);
            if (param != null) {
                String name = field.getSimpleName().toString();
                ElementRef ref = ElementRef.ofField(name, "Param");
                locate(ref, field, mirror(field, Param.class));
                params.add(new ParamModel(param.value().isEmpty() ? name : param.value(), name, typeRef(field.asType()),
                        has(field, Modifier.PRIVATE), has(field, Modifier.STATIC), has(field, Modifier.FINAL), ref));
            }
        }
        List<DataSourceModel> sources = new ArrayList<>();
        List<StepModel> steps = new ArrayList<>();
        List<HypothesisModel> hypotheses = new ArrayList<>();
        int ordinal = 0;
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            DataSource source = method.getAnnotation(DataSource.class);
            Step step = method.getAnnotation(Step.class);
            Treatment[] declared = method.getAnnotationsByType(Treatment.class);
            Hypothesis hypothesis = method.getAnnotation(Hypothesis.class);
            if (source == null && step == null && declared.length == 0 && hypothesis == null) {
                continue;
            }
            if (source != null) {
                sources.add(dataSource(method, method(method, ordinal, DataSource.class)));
            }
            if (step != null) {
                steps.add(new StepModel(step.value().isEmpty() ? method.getSimpleName().toString() : step.value(),
                        method(method, ordinal, Step.class), step.cache(), shape(method.getReturnType())));
            }
            List<Repeated> treatmentMirrors = repeated(method, Treatment.class.getName(),
                    Treatments.class.getName());
            for (int i = 0; i < declared.length; i++) {
                MethodModel model = method(method, ordinal, Treatment.class);
                ElementRef ref = model.ref().withAnnotation("Treatment", i);
                locate(ref, method, treatmentMirrors, i);
                treatments.add(new TreatmentModel(declared[i].name(), List.of(declared[i].set()),
                        model.returnType().isVoid() ? null : model, ref));
            }
            if (hypothesis != null) {
                MethodModel model = method(method, ordinal, Hypothesis.class);
                hypotheses.add(new HypothesisModel(hypothesis.name().isEmpty() ? model.name() : hypothesis.name(),
                        List.of(hypothesis.metric()), hypothesis.expect(), hypothesis.direction(), hypothesis.test(),
                        hypothesis.alpha(), hypothesis.margin(), hypothesis.relative(),
                        List.of(hypothesis.treatments()), hypothesis.aggregate(), hypothesis.deterministic(), model,
                        hypothesis.binary()));
            }
            ordinal++;
        }
        PackageElement pkg = elements.getPackageOf(type);
        Disabled disabled = type.getAnnotation(Disabled.class);
        ExperimentModel model = new ExperimentModel(TypeRef.of(type.getQualifiedName().toString()),
                elements.getBinaryName(type).toString(), pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString(),
                experiment.name().isEmpty() ? type.getSimpleName().toString() : experiment.name(),
                experiment.replicates(), experiment.seed(), experiment.warmupReplicates(), experiment.interleaved(), tags, disabled == null ? null : disabled.value(),
                instantiable(type), params, sources, steps, treatments, hypotheses);
        return new Reading(model, Map.copyOf(locations), this::isAssignable);
    }

    private MethodModel method(ExecutableElement method, int ordinal, Class<?> annotation) {
        String name = method.getSimpleName().toString();
        List<ParameterModel> parameters = new ArrayList<>();
        List<? extends VariableElement> declared = method.getParameters();
        for (int i = 0; i < declared.size(); i++) {
            VariableElement parameter = declared.get(i);
            Param param = parameter.getAnnotation(Param.class);
            TypeRef type = typeRef(parameter.asType());
            ElementRef ref = ElementRef.ofParameter(name, ordinal, i, "");
            locate(ref, parameter, param == null ? null : mirror(parameter, Param.class));
            parameters.add(new ParameterModel(Injection.of(type, param != null), type,
                    param == null ? "" : param.value(), ref));
        }
        ElementRef ref = ElementRef.ofMethod(name, ordinal, annotation.getSimpleName(), 0);
        locate(ref, method, mirror(method, annotation));
        return new MethodModel(name, has(method, Modifier.PRIVATE), has(method, Modifier.STATIC),
                typeRef(method.getReturnType()), parameters, ref);
    }

    private static TypeShape shape(TypeMirror type) {
        if (type.getKind() == TypeKind.TYPEVAR) {
            return TypeShape.TYPE_VARIABLE;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return TypeShape.CONCRETE;
        }
        Element element = ((DeclaredType) type).asElement();
        if (element.getKind().isInterface()) {
            return TypeShape.INTERFACE;
        }
        if (element.getKind() == ElementKind.CLASS && has(element, Modifier.ABSTRACT)) {
            return TypeShape.ABSTRACT_CLASS;
        }
        return TypeShape.CONCRETE;
    }

    private DataSourceModel dataSource(ExecutableElement method, MethodModel model) {
        DataSource source = method.getAnnotation(DataSource.class);
        TypeMirror upstream = null;
        AnnotationMirror mirror = mirror(method, DataSource.class);
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals("upstream")) {
                upstream = (TypeMirror) e.getValue().getValue();
            }
        }
        if (upstream == null || upstream.getKind() != TypeKind.DECLARED) {
            return new DataSourceModel(model, null, "", false, source.step(), source.artifact(), source.condition());
        }
        TypeElement upstreamType = (TypeElement) ((DeclaredType) upstream).asElement();
        Experiment experiment = upstreamType.getAnnotation(Experiment.class);
        String name = experiment == null || experiment.name().isEmpty()
                ? upstreamType.getSimpleName().toString() : experiment.name();
        return new DataSourceModel(model, TypeRef.of(upstreamType.getQualifiedName().toString()), name,
                experiment != null, source.step(), source.artifact(), source.condition());
    }

    private boolean instantiable(TypeElement type) {
        if (type.getKind() != ElementKind.CLASS || has(type, Modifier.ABSTRACT) || has(type, Modifier.PRIVATE)
                || !type.getTypeParameters().isEmpty()) {
            return false;
        }
        NestingKind nesting = type.getNestingKind();
        if (nesting != NestingKind.TOP_LEVEL && !(nesting == NestingKind.MEMBER && has(type, Modifier.STATIC))) {
            return false;
        }
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !has(c, Modifier.PRIVATE));
    }

    private TypeRef typeRef(TypeMirror type) {
        TypeMirror erasure = types.erasure(type);
        TypeRef ref = new TypeRef(type.toString(), erasure.toString());
        mirrors.putIfAbsent(ref.erasure(), erasure);
        return ref;
    }

    private boolean isAssignable(TypeRef from, TypeRef to) {
        TypeMirror source = boxed(mirrors.get(from.erasure()));
        TypeMirror target = boxed(mirrors.get(to.erasure()));
        return source != null && target != null && types.isAssignable(source, target);
    }

    private TypeMirror boxed(TypeMirror type) {
        return type != null && type.getKind().isPrimitive()
                ? types.boxedClass((javax.lang.model.type.PrimitiveType) type).asType() : type;
    }

    private void locate(ElementRef ref, Element element, AnnotationMirror annotation) {
        locations.putIfAbsent(ref, new Location(element, annotation));
    }

    private static boolean has(Element element, Modifier modifier) {
        return element.getModifiers().contains(modifier);
    }

    private static AnnotationMirror mirror(Element element, Class<?> annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (qualifiedName(mirror).equals(annotation.getName())) {
                return mirror;
            }
        }
        return null;
    }

    /** The mirrors of a repeatable annotation, written once or several times (inside its container). */
    private static List<Repeated> repeated(Element element, String annotation, String container) {
        List<Repeated> found = new ArrayList<>();
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            String name = qualifiedName(mirror);
            if (name.equals(annotation)) {
                found.add(new Repeated(mirror, null));
            } else if (name.equals(container)) {
                mirror.getElementValues().forEach((key, value) -> {
                    if (key.getSimpleName().contentEquals("value")) {
                        for (Object item : (List<?>) value.getValue()) {
                            found.add(new Repeated(mirror, (AnnotationValue) item));
                        }
                    }
                });
            }
        }
        return found;
    }

    private void locate(ElementRef ref, Element element, List<Repeated> repeated, int index) {
        Repeated written = index < repeated.size() ? repeated.get(index) : null;
        if (written == null) {
            locations.putIfAbsent(ref, new Location(element, null));
        } else {
            // replaces the method's own location for its first annotation (the same ref), which knows no
            // single one of several repeated annotations: the error belongs on the annotation's line
            locations.put(ref, new Location(element, written.mirror(), written.item()));
        }
    }

    private static String qualifiedName(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }
}
