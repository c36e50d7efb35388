package io.crystallize.fingerprint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * One class file, read as far as asked: its super types, its fields' constants, its methods'
 * names and access flags, and — the first time a method is asked for — that method's normalised
 * digest with what it refers to. A traversal that needs a few methods of a large class (the
 * run-time part of a generated class) reads only those. Debug information (line numbers, local
 * variable names, source file) and stack map frames are skipped while reading, so they never
 * reach a digest.
 */
final class ClassSummary {

    /** The name used for the class's static part (field constants and static initializer). */
    static final String STATIC_PART = "<static>";

    private static final int PARSING = ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES;

    final String name;
    final String superName;
    final List<String> interfaces;
    /** Every method's access flags by name + descriptor, in declaration order. */
    final Map<String, Integer> methods;
    final String fields;
    /** The class file's reader, until every method body is read. Guarded by this. */
    private ClassReader reader;
    /** The method bodies read so far. Guarded by this. */
    private final Map<String, MethodBody> bodies = new HashMap<>();

    private ClassSummary(String name, String superName, List<String> interfaces, Map<String, Integer> methods,
            String fields, ClassReader reader) {
        this.name = name;
        this.superName = superName;
        this.interfaces = interfaces;
        this.methods = methods;
        this.fields = fields;
        this.reader = reader;
    }

    /** The method {@code name + descriptor} declared here, or {@code null}. */
    MethodBody method(String nameAndDescriptor) {
        if (!methods.containsKey(nameAndDescriptor)) {
            return null;
        }
        synchronized (this) {
            MethodBody body = bodies.get(nameAndDescriptor);
            if (body == null) {
                readBodies(Set.of(nameAndDescriptor));
                body = bodies.get(nameAndDescriptor);
            }
            return body;
        }
    }

    /** Reads the bodies of these methods (name + descriptor) that are not read yet, in one pass. */
    synchronized void readAhead(Collection<String> keys) {
        Set<String> wanted = new HashSet<>();
        for (String key : keys) {
            if (methods.containsKey(key) && !bodies.containsKey(key)) {
                wanted.add(key);
            }
        }
        if (!wanted.isEmpty()) {
            readBodies(wanted);
        }
    }

    /** Every method declared here, in declaration order. */
    synchronized List<MethodBody> allMethods() {
        if (bodies.size() < methods.size()) {
            readBodies(methods.keySet());
        }
        List<MethodBody> all = new ArrayList<>(methods.size());
        for (String key : methods.keySet()) {
            all.add(bodies.get(key));
        }
        return all;
    }

    /** Reads the bodies of {@code wanted} not read yet, in one pass over the class file. */
    private void readBodies(Set<String> wanted) {
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
                    String[] exceptions) {
                String key = methodName + descriptor;
                if (!wanted.contains(key) || bodies.containsKey(key)) {
                    return null;
                }
                MethodBody.Builder body = new MethodBody.Builder(access, methodName, descriptor);
                return new NormalisingMethodVisitor(body, () -> bodies.put(key, body.build()));
            }
        }, PARSING);
        if (bodies.size() == methods.size()) {
            reader = null;
        }
    }

    /** The class's outline: names, super types, fields and method headers; method bodies are read when asked for. */
    static ClassSummary read(byte[] classFile) {
        Outline outline = new Outline();
        ClassReader reader = new ClassReader(classFile);
        reader.accept(outline, PARSING);
        return new ClassSummary(outline.name, outline.superName, outline.interfaces,
                Collections.unmodifiableMap(outline.methods), outline.fields.toString(), reader);
    }

    private static final class Outline extends ClassVisitor {
        String name;
        String superName;
        List<String> interfaces = List.of();
        final Map<String, Integer> methods = new LinkedHashMap<>();
        final StringBuilder fields = new StringBuilder();

        Outline() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String className, String signature, String superClass,
                String[] interfaceNames) {
            this.name = className;
            this.superName = superClass;
            this.interfaces = interfaceNames == null ? List.of() : List.of(interfaceNames);
        }

        @Override
        public FieldVisitor visitField(int access, String fieldName, String descriptor, String signature,
                Object value) {
            // a static final constant is inlined where it is read; here it says what the class holds
            fields.append(access).append(' ').append(fieldName).append(' ').append(descriptor);
            if (value != null) {
                fields.append('=').append(value.getClass().getSimpleName()).append(':').append(value);
            }
            fields.append('\n');
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
                String[] exceptions) {
            methods.put(methodName + descriptor, access);
            return null;
        }
    }

    /** The references of a method, in the order the code makes them. */
    record Reference(Kind kind, String owner, String name, String descriptor) {
        enum Kind { CALL, FIELD, TYPE, LAMBDA }
    }

    /** A lambda created in a method: the functional interface, captured types and implementation. */
    record LambdaSite(String functionalInterface, String capturedDescriptor, String implOwner, String implName,
            String implDescriptor) {
    }

    /** A method's digest and references. */
    record MethodBody(String key, int access, byte[] digest, List<Reference> references, List<LambdaSite> lambdas) {

        static final class Builder {
            final int access;
            final String key;
            final List<Reference> references = new ArrayList<>();
            final List<LambdaSite> lambdas = new ArrayList<>();
            byte[] digest;

            Builder(int access, String name, String descriptor) {
                this.access = access;
                this.key = name + descriptor;
            }

            MethodBody build() {
                return new MethodBody(key, access, digest, List.copyOf(references), List.copyOf(lambdas));
            }
        }
    }
}
