package io.crystallize.internal.model;

/**
 * Where a declaration sits in the experiment class, so a front end can point a problem at it.
 *
 * @param kind       class, field, method or method parameter
 * @param member     the field's or method's name; empty for the class
 * @param ordinal    for methods and their parameters: the method's position among the class's
 *                   annotated methods (tells overloads apart); otherwise 0
 * @param parameter  for parameters: the position in the method's parameter list; otherwise 0
 * @param annotation simple name of the annotation concerned, or empty
 * @param occurrence which of several repeated annotations (e.g. the second {@code @Treatment})
 */
public record ElementRef(Kind kind, String member, int ordinal, int parameter, String annotation, int occurrence) {

    /** What kind of element is referred to. */
    public enum Kind {
        CLASS, FIELD, METHOD, PARAMETER
    }

    public static ElementRef ofClass(String annotation, int occurrence) {
        return new ElementRef(Kind.CLASS, "", 0, 0, annotation, occurrence);
    }

    public static ElementRef ofField(String field, String annotation) {
        return new ElementRef(Kind.FIELD, field, 0, 0, annotation, 0);
    }

    public static ElementRef ofMethod(String method, int ordinal, String annotation, int occurrence) {
        return new ElementRef(Kind.METHOD, method, ordinal, 0, annotation, occurrence);
    }

    public static ElementRef ofParameter(String method, int ordinal, int parameter, String annotation) {
        return new ElementRef(Kind.PARAMETER, method, ordinal, parameter, annotation, 0);
    }

    /** The same element, concerning another annotation. */
    public ElementRef withAnnotation(String value, int index) {
        return new ElementRef(kind, member, ordinal, parameter, value, index);
    }

    /** A human description, e.g. {@code method revenue} or {@code parameter 2 of method revenue}. */
    public String describe() {
        return switch (kind) {
            case CLASS -> "class";
            case FIELD -> "field " + member;
            case METHOD -> "method " + member + "()";
            case PARAMETER -> "parameter " + (parameter + 1) + " of method " + member + "()";
        };
    }
}
