package io.crystallize.internal.model;

/** How a front end compares types: the processor with its type utilities, the runtime reader with classes. */
@FunctionalInterface
public interface TypeRelation {

    /** Whether a value of {@code from} may be passed where {@code to} is expected (after boxing). */
    boolean isAssignable(TypeRef from, TypeRef to);
}
