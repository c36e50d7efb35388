package io.crystallize.internal.model;

/** What a type is, as far as reading a value of it back from JSON needs to know. */
public enum TypeShape {
    /** A class, record, enum, array or primitive (or {@code void}): JSON can be read back as it. */
    CONCRETE,
    /** An interface or annotation type. */
    INTERFACE,
    /** An abstract class. */
    ABSTRACT_CLASS,
    /** A type variable. */
    TYPE_VARIABLE;

    /** How a message names a type of this shape, e.g. "an interface". */
    public String described() {
        return switch (this) {
            case CONCRETE -> "a concrete type";
            case INTERFACE -> "an interface";
            case ABSTRACT_CLASS -> "an abstract class";
            case TYPE_VARIABLE -> "a type variable";
        };
    }
}
