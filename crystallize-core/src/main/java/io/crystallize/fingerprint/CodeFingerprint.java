package io.crystallize.fingerprint;

import java.util.Map;
import java.util.Objects;

/**
 * The fingerprint of code: a SHA-256 over the normalised bytecode of the given code and of every
 * method of the project's own it reaches (calls, lambdas, method references, constructors, static
 * initializers of the classes it uses), and over the identity of each library and of the JDK it
 * reaches instead of their code. The project's own code is what lies in a directory on the class
 * path (build output such as {@code target/classes}); code in jars is known by the jar's file
 * name and size, so a changed dependency version changes the fingerprint.
 *
 * <p>Equal fingerprints are guaranteed for code that differs only in line numbers, local variable
 * names or stack map frames (reformatted source, a renamed local); any other change to a reached
 * method — an instruction, a constant, a called method — changes it. Classes are read once per
 * class loader and kept as long as it lives.
 */
public final class CodeFingerprint {

    private final String value;
    private final Map<String, String> parts;

    private CodeFingerprint(Traversal traversal) {
        this.value = traversal.digest();
        this.parts = Map.copyOf(traversal.parts());
    }

    /**
     * The fingerprint of objects' code: for each, its class's methods, or for a lambda the body it
     * was made from (every body of its shape in the declaring class, when several have that shape).
     */
    public static CodeFingerprint ofObjects(Object... code) {
        Traversal traversal = null;
        for (Object object : code) {
            if (object != null) {
                traversal = traversal == null ? new Traversal(ClassIndex.of(object.getClass().getClassLoader()))
                        : traversal;
                traversal.object(object);
            }
        }
        return new CodeFingerprint(traversal == null ? new Traversal(ClassIndex.of(null)) : traversal);
    }

    /** The fingerprint of every method of {@code type} and of what they reach. */
    public static CodeFingerprint ofClass(Class<?> type) {
        return new CodeFingerprint(new Traversal(ClassIndex.of(type.getClassLoader()))
                .wholeClass(Traversal.internalName(type)));
    }

    /** The fingerprint of the methods named {@code method} of {@code type} (every overload) and of what they reach. */
    public static CodeFingerprint ofMethod(Class<?> type, String method) {
        Objects.requireNonNull(method, "method");
        Traversal traversal = new Traversal(ClassIndex.of(type.getClassLoader()));
        ClassIndex.of(type.getClassLoader()).entry(Traversal.internalName(type)).ifPresent(entry -> {
            if (entry.isProject()) {
                entry.summary().methods.keySet().stream().filter(k -> k.startsWith(method + "("))
                        .forEach(k -> traversal.method(Traversal.internalName(type), k));
            }
        });
        return new CodeFingerprint(traversal);
    }

    /** The fingerprint as 64 hexadecimal digits. */
    public String value() {
        return value;
    }

    /**
     * What went into it, sorted: each reached method with its digest, each library's identity, each
     * class's constants. Two fingerprints that differ differ in some entry here.
     */
    public Map<String, String> parts() {
        return parts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeFingerprint f && value.equals(f.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
