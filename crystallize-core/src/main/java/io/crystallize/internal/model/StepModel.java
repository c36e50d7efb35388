package io.crystallize.internal.model;

/** A {@code @Step} method and its step name. */
public record StepModel(String name, MethodModel method) {
}
