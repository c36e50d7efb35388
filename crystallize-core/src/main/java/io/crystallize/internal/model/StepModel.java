package io.crystallize.internal.model;

/**
 * A {@code @Step} method, its step name, whether its outputs are cached, and the shape of the type
 * it returns (which decides whether they can be).
 */
public record StepModel(String name, MethodModel method, boolean cache, TypeShape output) {
}
