package io.crystallize.fingerprint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * One class file read once: its super types, its fields' constants and every method's normalised
 * digest with what the method refers to. Debug information (line numbers, local variable names,
 * source file) and stack map frames are skipped while reading, so they never reach a digest.
 */
final class ClassSummary {

    /** The name used for the class's static part (field constants and static initializer). */
    static final String STATIC_PART = "<static>";

    final String name;
    final String superName;
    final List<String> interfaces;
    final Map<String, MethodBody> methods;
    final String fields;

    private ClassSummary(String name, String superName, List<String> interfaces, Map<String, MethodBody> methods,
            String fields) {
        this.name = name;
        this.superName = superName;
        this.interfaces = interfaces;
        this.methods = methods;
        this.fields = fields;
    }

    /** The method {@code name + descriptor} declared here, or {@code null}. */
    MethodBody method(String nameAndDescriptor) {
        return methods.get(nameAndDescriptor);
    }

    static ClassSummary read(byte[] classFile) {
        Reader reader = new Reader();
        new ClassReader(classFile).accept(reader, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassSummary(reader.name, reader.superName, reader.interfaces,
                Collections.unmodifiableMap(reader.methods), reader.fields.toString());
    }

    private static final class Reader extends ClassVisitor {
        String name;
        String superName;
        List<String> interfaces = List.of();
        final Map<String, MethodBody> methods = new LinkedHashMap<>();
        final StringBuilder fields = new StringBuilder();

        Reader() {
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
            MethodBody.Builder body = new MethodBody.Builder(access, methodName, descriptor);
            return new NormalisingMethodVisitor(body, () -> methods.put(methodName + descriptor, body.build()));
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
