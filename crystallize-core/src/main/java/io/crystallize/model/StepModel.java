package io.crystallize.model;

/** A {@code @Step} method and its step name. */
public record StepModel(String name, MethodModel method) {
}
