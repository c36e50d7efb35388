package io.crystallize.internal.model;

/**
 * A {@code @Param} field: a parameter whose baseline default is the field's initial value.
 *
 * @param name  the parameter's name ({@code @Param.value()} or the field's name)
 * @param field the field's name
 */
public record ParamModel(String name, String field, TypeRef type, boolean isPrivate, boolean isStatic,
        boolean isFinal, ElementRef ref) {
}
