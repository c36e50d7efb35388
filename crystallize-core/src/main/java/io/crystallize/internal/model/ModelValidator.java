package io.crystallize.internal.model;

import io.crystallize.annotation.Hypothesis;
import io.crystallize.base.Names;
import io.crystallize.hypothesis.Expectation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one set of rules for annotated experiments, run by the processor at compile time and by the
 * runtime reader. Finds every problem rather than stopping at the first.
 */
public final class ModelValidator {

    private static final ElementRef EXPERIMENT = ElementRef.ofClass("Experiment", 0);

    private final ExperimentModel model;
    private final TypeRelation types;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, ParamModel> params = new HashMap<>();

    private ModelValidator(ExperimentModel model, TypeRelation types) {
        this.model = model;
        this.types = types;
    }

    /** Every problem of {@code model}, in declaration order; empty when it is valid. */
    public static List<Problem> validate(ExperimentModel model, TypeRelation types) {
        ModelValidator validator = new ModelValidator(model, types);
        validator.run();
        return List.copyOf(validator.problems);
    }

    private void run() {
        checkClass();
        checkParams();
        checkDataSources();
        checkSteps();
        checkTreatments();
        checkHypotheses();
    }

    private void checkClass() {
        if (!model.instantiable()) {
            add(EXPERIMENT, "experiment class " + model.type() + " " + Messages.NOT_INSTANTIABLE);
        }
        name(EXPERIMENT, "experiment", model.name());
        if (model.replicates() != io.crystallize.annotation.Experiment.UNSET && model.replicates() < 1) {
            add(EXPERIMENT, Messages.REPLICATES + ", got " + model.replicates());
        }
        if (model.warmupReplicates() < 0) {
            add(EXPERIMENT, Messages.WARMUP_REPLICATES + ", got " + model.warmupReplicates());
        }
        Set<String> tags = new HashSet<>();
        for (int i = 0; i < model.tags().size(); i++) {
            String tag = model.tags().get(i);
            if (tag.isBlank()) {
                add(ElementRef.ofClass("Tag", i), Messages.BLANK_TAG);
            } else if (!tags.add(tag)) {
                add(ElementRef.ofClass("Tag", i), "tag '" + tag + "' " + Messages.DUPLICATE);
            }
        }
    }

    private void checkParams() {
        for (ParamModel param : model.params()) {
            if (param.isPrivate() || param.isStatic() || param.isFinal()) {
                add(param.ref(), "@Param field '" + param.field() + "' " + Messages.PARAM_FIELD_MODIFIERS);
            }
            if (name(param.ref(), "parameter", param.name()) && params.putIfAbsent(param.name(), param) != null) {
                add(param.ref(), "parameter '" + param.name() + "' " + Messages.DUPLICATE);
            }
        }
    }

    private void checkDataSources() {
        List<DataSourceModel> sources = model.dataSources();
        for (int i = 1; i < sources.size(); i++) {
            add(sources.get(i).method().ref(), "experiment " + Messages.TWO_DATA_SOURCES);
        }
        for (DataSourceModel source : sources) {
            MethodModel method = source.method();
            instanceMethod("@DataSource", method);
            if (method.returnType().isVoid()) {
                add(method.ref(), "@DataSource method '" + method.name() + "' " + Messages.DATA_SOURCE_VOID);
            }
            injections("@DataSource", method, Set.of(Injection.SAMPLES, Injection.QUESTION));
            List<ParameterModel> inputs = method.parameters().stream()
                    .filter(p -> p.injection() == Injection.INPUT).toList();
            if (source.hasUpstream()) {
                if (inputs.size() != 1 || !inputs.get(0).type().erasure().equals("java.nio.file.Path")) {
                    add(method.ref(), "@DataSource method '" + method.name() + "' " + Messages.UPSTREAM_INPUT);
                }
                if (source.step().isEmpty() || source.artifact().isEmpty()) {
                    add(method.ref(), "@DataSource method '" + method.name() + "' " + Messages.UPSTREAM_INCOMPLETE);
                } else {
                    // they become path segments under the upstream's results: each must be one valid name
                    name(method.ref(), "upstream step", source.step());
                    name(method.ref(), "upstream artifact", source.artifact());
                }
                if (!source.condition().isEmpty()) {
                    name(method.ref(), "upstream condition", source.condition());
                }
                if (!source.upstreamIsExperiment()) {
                    add(method.ref(), "upstream " + source.upstream() + " " + Messages.UPSTREAM_NOT_EXPERIMENT);
                }
            } else {
                for (ParameterModel input : inputs) {
                    add(input.ref(), "parameter of type " + input.type() + " " + Messages.DATA_SOURCE_INPUT);
                }
            }
        }
    }

    private void checkSteps() {
        if (model.steps().isEmpty()) {
            add(EXPERIMENT, "experiment " + Messages.NO_STEPS);
            return;
        }
        if (model.dataSources().isEmpty()) {
            add(model.steps().get(0).method().ref(), "experiment " + Messages.STEP_WITHOUT_DATA_SOURCE);
        }
        Set<String> names = new HashSet<>();
        TypeRef current = model.dataSources().isEmpty() ? null : model.dataSources().get(0).method().returnType();
        String producer = model.dataSources().isEmpty() ? null : "@DataSource " + model.dataSources().get(0).method().name();
        for (StepModel step : model.steps()) {
            MethodModel method = step.method();
            if (name(method.ref(), "step", step.name())) {
                unique(method.ref(), "step", step.name(), names);
            }
            instanceMethod("@Step", method);
            injections("@Step", method, Set.of(Injection.SAMPLES, Injection.QUESTION));
            List<ParameterModel> inputs = method.parameters().stream()
                    .filter(p -> p.injection() == Injection.INPUT).toList();
            if (inputs.size() > 1) {
                add(method.ref(), "@Step method '" + method.name() + "' " + Messages.TWO_INPUTS);
            }
            if (inputs.size() == 1 && current != null && !current.isVoid()
                    && !types.isAssignable(current, inputs.get(0).type())) {
                add(inputs.get(0).ref(), "@Step method '" + method.name() + "' " + Messages.INPUT_MISMATCH
                        + ": it takes " + inputs.get(0).type() + " but " + producer + " produces " + current);
            }
            if (step.cache()) {
                checkCacheable(step);
            }
            if (!method.returnType().isVoid()) {
                current = method.returnType();
                producer = "@Step " + method.name();
            }
        }
    }

    private void checkCacheable(StepModel step) {
        MethodModel method = step.method();
        TypeRef output = method.returnType();
        if (output.isVoid()) {
            add(method.ref(), "@Step method '" + method.name() + "' " + Messages.CACHED_VOID_STEP);
        } else if (output.erasure().equals("java.lang.Object") && step.output() == TypeShape.CONCRETE) {
            add(method.ref(), "@Step method '" + method.name() + "' has cache = true but returns Object, "
                    + Messages.UNCACHEABLE_OUTPUT);
        } else if (step.output() != TypeShape.CONCRETE) {
            add(method.ref(), "@Step method '" + method.name() + "' has cache = true but returns " + output + " ("
                    + step.output().described() + "), " + Messages.UNCACHEABLE_OUTPUT);
        }
    }

    private void checkTreatments() {
        Set<String> names = new HashSet<>();
        for (TreatmentModel treatment : model.treatments()) {
            if (Names.isBaseline(treatment.name())) {
                add(treatment.ref(), "treatment name '" + treatment.name() + "': " + Messages.BASELINE_RESERVED);
            } else if (name(treatment.ref(), "treatment", treatment.name())) {
                unique(treatment.ref(), "treatment", treatment.name(), names);
            }
            MethodModel values = treatment.values();
            if (values != null) {
                if (values.isPrivate()) {
                    add(values.ref(), "@Treatment method '" + values.name() + "' " + Messages.PRIVATE_METHOD);
                }
                if (!values.isStatic() || !values.parameters().isEmpty()
                        || !values.returnType().erasure().equals("java.util.Map")) {
                    add(values.ref(), "@Treatment method '" + values.name() + "' " + Messages.TREATMENT_METHOD);
                }
                if (!treatment.set().isEmpty()) {
                    add(treatment.ref(), "treatment '" + treatment.name() + "' " + Messages.TREATMENT_METHOD_WITH_SET);
                }
            }
            Set<String> set = new HashSet<>();
            for (String literal : treatment.set()) {
                checkLiteral(treatment, literal, set);
            }
        }
    }

    private void checkLiteral(TreatmentModel treatment, String literal, Set<String> set) {
        String[] parts;
        try {
            parts = Literal.split(literal);
        } catch (IllegalArgumentException e) {
            add(treatment.ref(), "treatment '" + treatment.name() + "': " + e.getMessage());
            return;
        }
        ParamModel param = params.get(parts[0]);
        if (param == null) {
            add(treatment.ref(), "treatment '" + treatment.name() + "' sets " + Messages.UNKNOWN_PARAM + " '" + parts[0]
                    + "'" + Names.didYouMean(parts[0], params.keySet()) + "; declared: "
                    + model.params().stream().map(ParamModel::name).toList());
            return;
        }
        if (!set.add(parts[0])) {
            add(treatment.ref(), "treatment '" + treatment.name() + "' sets parameter '" + parts[0] + "' twice");
        }
        if (!Literal.supports(param.type())) {
            add(treatment.ref(), "parameter '" + param.name() + "' of type " + param.type() + " " + Messages.LITERAL_TYPE);
            return;
        }
        try {
            Literal.parse(parts[0], param.type(), parts[1]);
        } catch (IllegalArgumentException e) {
            add(treatment.ref(), "treatment '" + treatment.name() + "': " + e.getMessage());
        }
    }

    private void checkHypotheses() {
        Map<String, Integer> methods = new HashMap<>();
        model.hypotheses().forEach(h -> methods.merge(h.method().name(), 1, Integer::sum));
        Set<String> names = new HashSet<>();
        Set<String> overloadsReported = new HashSet<>();
        List<String> declared = model.treatmentNames();
        for (HypothesisModel hypothesis : model.hypotheses()) {
            MethodModel method = hypothesis.method();
            String label = "@Hypothesis '" + hypothesis.name() + "'";
            if (methods.get(method.name()) > 1) {
                if (overloadsReported.add(method.name())) {
                    add(method.ref(), "@Hypothesis method '" + method.name() + "' " + Messages.OVERLOADED);
                }
            } else if (name(method.ref(), "hypothesis", hypothesis.name()) && !names.add(hypothesis.name())) {
                add(method.ref(), "hypothesis '" + hypothesis.name() + "' " + Messages.DUPLICATE);
            }
            instanceMethod("@Hypothesis", method);
            checkHypothesisSignature(label, hypothesis);
            if (hypothesis.metrics().isEmpty()) {
                add(method.ref(), label + " " + Messages.NO_METRIC);
            }
            Set<String> metrics = new HashSet<>();
            for (String metric : hypothesis.metrics()) {
                if (name(method.ref(), "metric", metric) && !metrics.add(metric)) {
                    add(method.ref(), label + ": metric '" + metric + "' " + Messages.DUPLICATE);
                }
            }
            double alpha = hypothesis.alpha();
            if (alpha != Hypothesis.UNSET_ALPHA && !(alpha > 0 && alpha < 1)) {
                add(method.ref(), label + ": " + Messages.ALPHA_RANGE + ", got " + alpha);
            }
            checkMargin(label, hypothesis);
            for (String treatment : hypothesis.treatments()) {
                if (!declared.contains(treatment)) {
                    add(method.ref(), label + " " + Messages.UNKNOWN_TREATMENT + " '" + treatment + "'"
                            + Names.didYouMean(treatment, declared) + "; declared: " + declared);
                }
            }
            if (hypothesis.coveredTreatments(declared).isEmpty()) {
                add(method.ref(), label + " " + Messages.NO_TREATMENTS);
            }
        }
    }

    private void checkHypothesisSignature(String label, HypothesisModel hypothesis) {
        MethodModel method = hypothesis.method();
        boolean declarative = method.returnType().isVoid() && method.parameters().isEmpty();
        boolean verifier = hypothesis.isCustomVerifier() && method.count(Injection.SAMPLES) == 1
                && method.count(Injection.QUESTION) <= 1
                && method.parameters().size() == method.count(Injection.SAMPLES) + method.count(Injection.QUESTION);
        if (!declarative && !verifier) {
            add(method.ref(), label + " method " + Messages.HYPOTHESIS_SIGNATURE);
        }
    }

    private void checkMargin(String label, HypothesisModel hypothesis) {
        Expectation.Kind kind = hypothesis.expect();
        boolean needsMargin = kind == Expectation.Kind.BETTER_BY_AT_LEAST
                || kind == Expectation.Kind.NOT_WORSE_BY_MORE_THAN || kind == Expectation.Kind.EQUIVALENT_WITHIN;
        double margin = hypothesis.margin();
        boolean bad = !(margin >= 0) || Double.isInfinite(margin)
                || kind == Expectation.Kind.EQUIVALENT_WITHIN && margin == 0;
        if (needsMargin && bad) {
            add(hypothesis.method().ref(), label + ": " + kind + " " + Messages.MARGIN
                    + (kind == Expectation.Kind.EQUIVALENT_WITHIN ? " > 0" : " >= 0") + ", got " + margin);
        } else if (needsMargin && hypothesis.binary() && margin > 0 && hypothesis.relative()) {
            add(hypothesis.method().ref(), label + " " + Messages.BINARY_RELATIVE_MARGIN);
        } else if (needsMargin && hypothesis.binary() && margin >= 1) {
            add(hypothesis.method().ref(), label + " " + Messages.BINARY_MARGIN + ", got " + margin);
        }
    }

    private void instanceMethod(String annotation, MethodModel method) {
        if (method.isPrivate()) {
            add(method.ref(), annotation + " method '" + method.name() + "' " + Messages.PRIVATE_METHOD);
        }
        if (method.isStatic()) {
            add(method.ref(), annotation + " method '" + method.name() + "' " + Messages.STATIC_METHOD);
        }
    }

    private void injections(String annotation, MethodModel method, Set<Injection> forbidden) {
        for (ParameterModel parameter : method.parameters()) {
            if (forbidden.contains(parameter.injection())) {
                add(parameter.ref(), "parameter of type " + parameter.type() + " " + Messages.NOT_INJECTABLE
                        + " (" + annotation + " method '" + method.name() + "')");
            }
            if (parameter.injection() == Injection.PARAM) {
                checkParamParameter(parameter);
            }
        }
    }

    private void checkParamParameter(ParameterModel parameter) {
        if (parameter.param().isEmpty()) {
            add(parameter.ref(), Messages.UNNAMED_PARAM);
            return;
        }
        ParamModel declared = params.get(parameter.param());
        if (declared == null) {
            add(parameter.ref(), "@Param(\"" + parameter.param() + "\") names an " + Messages.UNKNOWN_PARAM
                    + Names.didYouMean(parameter.param(), params.keySet()) + "; declared: "
                    + model.params().stream().map(ParamModel::name).toList());
        } else if (!declared.type().boxed().name().equals(parameter.type().boxed().name())) {
            add(parameter.ref(), "type " + parameter.type() + " " + Messages.PARAM_TYPE_MISMATCH + " '"
                    + declared.name() + "' (" + declared.type() + ")");
        }
    }

    /** Adds {@code name} to {@code taken}, reporting an exact duplicate or one that differs only in case. */
    private void unique(ElementRef where, String kind, String name, Set<String> taken) {
        String clash = Names.caseClash(kind, name, taken);
        if (clash != null) {
            add(where, clash);
        } else if (!taken.add(name)) {
            add(where, kind + " '" + name + "' " + Messages.DUPLICATE);
        }
    }

    private boolean name(ElementRef where, String kind, String name) {
        String problem = Names.problem(kind, name);
        if (problem != null) {
            add(where, problem);
            return false;
        }
        return true;
    }

    private void add(ElementRef where, String message) {
        problems.add(new Problem(where, message));
    }
}
