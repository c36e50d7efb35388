package io.crystallize.internal.model;

import java.util.List;
import java.util.Optional;

/** An annotated method: its shape, as far as validation and wiring need it. */
public record MethodModel(String name, boolean isPrivate, boolean isStatic, TypeRef returnType,
        List<ParameterModel> parameters, ElementRef ref) {

    public MethodModel {
        parameters = List.copyOf(parameters);
    }

    /** The parameter receiving the input, if any (the first one, when there are several). */
    public Optional<ParameterModel> input() {
        return parameters.stream().filter(p -> p.injection() == Injection.INPUT).findFirst();
    }

    public long count(Injection injection) {
        return parameters.stream().filter(p -> p.injection() == injection).count();
    }
}
