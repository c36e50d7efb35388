package io.crystallize.internal.model;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The text a model's hash is taken over: exactly what the records' own {@code toString} gives,
 * written here with a {@link StringBuilder}. The records' generated {@code toString} runs through
 * method handles bootstrapped per record class, which a fresh JVM interprets: for every experiment
 * class checked at discovery that cost more than hashing the text.
 */
final class ModelText {

    private final StringBuilder out = new StringBuilder(2048);

    private ModelText() {
    }

    static String of(ExperimentModel m) {
        ModelText t = new ModelText();
        t.experiment(m);
        return t.out.toString();
    }

    private void experiment(ExperimentModel m) {
        open("ExperimentModel", "type").value(m.type());
        next("binaryName").value(m.binaryName());
        next("packageName").value(m.packageName());
        next("name").value(m.name());
        next("replicates").out.append(m.replicates());
        next("seed").out.append(m.seed());
        next("warmupReplicates").out.append(m.warmupReplicates());
        next("interleaved").out.append(m.interleaved());
        next("tags").strings(m.tags());
        next("disabledReason").value(m.disabledReason());
        next("instantiable").out.append(m.instantiable());
        next("params").list(m.params(), ModelText::param);
        next("dataSources").list(m.dataSources(), ModelText::dataSource);
        next("steps").list(m.steps(), ModelText::step);
        next("treatments").list(m.treatments(), ModelText::treatment);
        next("hypotheses").list(m.hypotheses(), ModelText::hypothesis);
        close();
    }

    private void param(ParamModel p) {
        open("ParamModel", "name").value(p.name());
        next("field").value(p.field());
        next("type").value(p.type());
        next("isPrivate").out.append(p.isPrivate());
        next("isStatic").out.append(p.isStatic());
        next("isFinal").out.append(p.isFinal());
        next("ref").ref(p.ref());
        close();
    }

    private void dataSource(DataSourceModel d) {
        open("DataSourceModel", "method").method(d.method());
        next("upstream").value(d.upstream());
        next("upstreamName").value(d.upstreamName());
        next("upstreamIsExperiment").out.append(d.upstreamIsExperiment());
        next("step").value(d.step());
        next("artifact").value(d.artifact());
        next("condition").value(d.condition());
        close();
    }

    private void step(StepModel s) {
        open("StepModel", "name").value(s.name());
        next("method").method(s.method());
        next("cache").out.append(s.cache());
        next("output").value(s.output());
        close();
    }

    private void treatment(TreatmentModel t) {
        open("TreatmentModel", "name").value(t.name());
        next("set").strings(t.set());
        next("values").method(t.values());
        next("ref").ref(t.ref());
        close();
    }

    private void hypothesis(HypothesisModel h) {
        open("HypothesisModel", "name").value(h.name());
        next("metrics").strings(h.metrics());
        next("expect").value(h.expect());
        next("direction").value(h.direction());
        next("test").value(h.test());
        next("alpha").value(String.valueOf(h.alpha()));
        next("margin").value(String.valueOf(h.margin()));
        next("relative").out.append(h.relative());
        next("treatments").strings(h.treatments());
        next("aggregate").value(h.aggregate());
        next("deterministic").out.append(h.deterministic());
        next("method").method(h.method());
        next("binary").out.append(h.binary());
        close();
    }

    private ModelText method(MethodModel m) {
        if (m == null) {
            return value(null);
        }
        open("MethodModel", "name").value(m.name());
        next("isPrivate").out.append(m.isPrivate());
        next("isStatic").out.append(m.isStatic());
        next("returnType").value(m.returnType());
        next("parameters").list(m.parameters(), ModelText::parameter);
        next("ref").ref(m.ref());
        close();
        return this;
    }

    private void parameter(ParameterModel p) {
        open("ParameterModel", "injection").value(p.injection());
        next("type").value(p.type());
        next("param").value(p.param());
        next("ref").ref(p.ref());
        close();
    }

    private ModelText ref(ElementRef r) {
        if (r == null) {
            return value(null);
        }
        open("ElementRef", "kind").value(r.kind());
        next("member").value(r.member());
        next("ordinal").out.append(r.ordinal());
        next("parameter").out.append(r.parameter());
        next("annotation").value(r.annotation());
        next("occurrence").out.append(r.occurrence());
        close();
        return this;
    }

    private ModelText open(String record, String firstComponent) {
        out.append(record).append('[').append(firstComponent).append('=');
        return this;
    }

    private ModelText next(String component) {
        out.append(", ").append(component).append('=');
        return this;
    }

    private void close() {
        out.append(']');
    }

    /** A value as {@link String#valueOf(Object)} writes it: its own {@code toString}, or {@code null}. */
    private ModelText value(Object value) {
        out.append(value);
        return this;
    }

    private ModelText strings(List<String> values) {
        return list(values, (t, s) -> t.out.append(s));
    }

    /** A list as the JDK's lists write themselves: {@code [a, b]}. */
    private <T> ModelText list(List<T> values, BiConsumer<ModelText, T> element) {
        if (values == null) {
            return value(null);
        }
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            T v = values.get(i);
            if (v == null) {
                out.append("null");
            } else {
                element.accept(this, v);
            }
        }
        out.append(']');
        return this;
    }
}
