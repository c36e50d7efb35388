package io.crystallize.internal.model;

import java.util.Map;

/**
 * A type by name: {@code name} in Java source form with type arguments and canonical (dotted)
 * names, e.g. {@code java.util.List<com.example.Order>}; {@code erasure} without them.
 */
public record TypeRef(String name, String erasure) {

    public static final TypeRef VOID = new TypeRef("void", "void");

    private static final Map<String, String> BOXES = Map.of("boolean", "java.lang.Boolean", "byte", "java.lang.Byte",
            "short", "java.lang.Short", "char", "java.lang.Character", "int", "java.lang.Integer",
            "long", "java.lang.Long", "float", "java.lang.Float", "double", "java.lang.Double");

    public TypeRef {
        name = name.replace(" ", "");
    }

    /** A type without type arguments. */
    public static TypeRef of(String name) {
        return new TypeRef(name, name);
    }

    public boolean isVoid() {
        return "void".equals(erasure);
    }

    public boolean isPrimitive() {
        return BOXES.containsKey(erasure);
    }

    /** The boxed type of a primitive, else this type. */
    public TypeRef boxed() {
        String box = BOXES.get(erasure);
        return box == null ? this : of(box);
    }

    @Override
    public String toString() {
        return name;
    }
}
