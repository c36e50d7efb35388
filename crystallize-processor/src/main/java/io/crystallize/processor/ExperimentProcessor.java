package io.crystallize.processor;

import com.palantir.javapoet.JavaFile;
import io.crystallize.annotation.Experiment;
import io.crystallize.internal.model.ElementRef;
import io.crystallize.internal.model.ModelValidator;
import io.crystallize.internal.model.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Validates {@code @Experiment} classes and generates their {@code <Class>_CrystallizePipeline}.
 * Each class is handled on its own: a broken class gets its errors (or, should the processor fail,
 * one error naming the failure) and the others are still generated. Isolating: each generated file
 * depends only on its experiment class.
 */
public final class ExperimentProcessor extends AbstractProcessor {

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Experiment.class.getName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        List<TypeElement> types = ElementFilter.typesIn(round.getElementsAnnotatedWith(Experiment.class)).stream()
                .sorted(Comparator.comparing(t -> t.getQualifiedName().toString())).toList();
        for (TypeElement type : types) {
            try {
                process(type);
            } catch (Exception | LinkageError | AssertionError e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        "crystallize-processor failed on this class; please report it: " + trace, type);
            }
        }
        return false;
    }

    private void process(TypeElement type) throws IOException {
        ElementModelReader.Reading reading = ElementModelReader.read(type, processingEnv.getElementUtils(),
                processingEnv.getTypeUtils());
        List<Problem> problems = ModelValidator.validate(reading.model(), reading.types());
        for (Problem problem : problems) {
            report(type, reading, problem);
        }
        if (problems.isEmpty()) {
            JavaFile file = PipelineWriter.write(reading.model());
            String name = file.packageName().isEmpty() ? file.typeSpec().name()
                    : file.packageName() + "." + file.typeSpec().name();
            JavaFileObject source = processingEnv.getFiler().createSourceFile(name, type);
            try (Writer writer = source.openWriter()) {
                file.writeTo(writer);
            }
        }
    }

    private void report(TypeElement type, ElementModelReader.Reading reading, Problem problem) {
        ElementModelReader.Location location = reading.locations().get(problem.where());
        if (location == null) {
            location = reading.locations().get(ElementRef.ofClass("Experiment", 0));
        }
        Element element = location == null ? type : location.element();
        if (location != null && location.value() != null
                && RepeatedAnnotationPosition.report(processingEnv, element, problem.where(), problem.message())) {
            return;
        }
        if (location != null && location.annotation() != null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, problem.message(), element,
                    location.annotation());
        } else {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, problem.message(), element);
        }
    }
}
