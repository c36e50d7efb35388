package io.crystallize.internal.model;

/**
 * One parameter of an annotated method.
 *
 * @param param the parameter named by {@code @Param("name")}, or empty
 */
public record ParameterModel(Injection injection, TypeRef type, String param, ElementRef ref) {
}
