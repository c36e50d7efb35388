package io.crystallize.fingerprint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Writes a method's instructions as canonical text and digests it: opcodes with their operands,
 * labels numbered in the order they are met, constants tagged with their type. What the reader
 * was told to skip (line numbers, local variable tables, frames) never arrives here; local
 * variables are known only by slot, so renaming one changes nothing. Names of synthetic lambda
 * bodies ({@code lambda$main$0}) are left out, since they shift when another lambda is added; the
 * body itself is fingerprinted where it is referred to.
 */
final class NormalisingMethodVisitor extends MethodVisitor {

    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private final ClassSummary.MethodBody.Builder body;
    private final Runnable done;
    private final StringBuilder text = new StringBuilder(256);
    private final Map<Label, Integer> labels = new IdentityHashMap<>();

    NormalisingMethodVisitor(ClassSummary.MethodBody.Builder body, Runnable done) {
        super(Opcodes.ASM9);
        this.body = body;
        this.done = done;
        text.append(body.access & ~Opcodes.ACC_SYNTHETIC).append(' ').append(body.key).append('\n');
    }

    private StringBuilder op(int opcode) {
        return text.append(opcode);
    }

    private int label(Label label) {
        return labels.computeIfAbsent(label, l -> labels.size());
    }

    @Override
    public void visitInsn(int opcode) {
        op(opcode).append('\n');
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        op(opcode).append(' ').append(operand).append('\n');
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        op(opcode).append(' ').append(varIndex).append('\n');
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        op(opcode).append(' ').append(type).append('\n');
        body.references.add(new ClassSummary.Reference(ClassSummary.Reference.Kind.TYPE, type, null, null));
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        op(opcode).append(' ').append(owner).append('.').append(name).append(' ').append(descriptor).append('\n');
        body.references.add(new ClassSummary.Reference(ClassSummary.Reference.Kind.FIELD, owner, name, descriptor));
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        op(opcode).append(' ').append(owner).append('.').append(name).append(descriptor).append(isInterface ? " i" : "")
                .append('\n');
        body.references.add(new ClassSummary.Reference(ClassSummary.Reference.Kind.CALL, owner, name, descriptor));
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        text.append("indy ").append(name).append(descriptor).append(' ');
        handle(bootstrap);
        for (Object argument : arguments) {
            text.append(' ');
            constant(argument);
        }
        text.append('\n');
        if (LAMBDA_METAFACTORY.equals(bootstrap.getOwner()) && arguments.length >= 2
                && arguments[1] instanceof Handle impl) {
            Type site = Type.getMethodType(descriptor);
            body.lambdas.add(new ClassSummary.LambdaSite(site.getReturnType().getInternalName(),
                    Type.getMethodDescriptor(Type.VOID_TYPE, site.getArgumentTypes()), impl.getOwner(),
                    impl.getName(), impl.getDesc()));
        }
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        op(opcode).append(" L").append(label(label)).append('\n');
    }

    @Override
    public void visitLabel(Label label) {
        text.append('L').append(label(label)).append(":\n");
    }

    @Override
    public void visitLdcInsn(Object value) {
        text.append("ldc ");
        constant(value);
        text.append('\n');
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        text.append("iinc ").append(varIndex).append(' ').append(increment).append('\n');
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
        text.append("tableswitch ").append(min).append(' ').append(max).append(" L").append(label(dflt));
        for (Label target : targets) {
            text.append(" L").append(label(target));
        }
        text.append('\n');
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
        text.append("lookupswitch L").append(label(dflt)).append(' ').append(Arrays.toString(keys));
        for (Label target : targets) {
            text.append(" L").append(label(target));
        }
        text.append('\n');
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        text.append("multianewarray ").append(descriptor).append(' ').append(numDimensions).append('\n');
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        text.append("try L").append(label(start)).append(" L").append(label(end)).append(" L").append(label(handler))
                .append(' ').append(type).append('\n');
    }

    @Override
    public void visitEnd() {
        body.digest = Digests.sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        done.run();
    }

    private void constant(Object value) {
        if (value instanceof Handle handle) {
            handle(handle);
        } else if (value instanceof Type type) {
            text.append("type:").append(type.getDescriptor());
        } else if (value instanceof ConstantDynamic dynamic) {
            text.append("condy:").append(dynamic.getName()).append(dynamic.getDescriptor()).append(' ');
            handle(dynamic.getBootstrapMethod());
            for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                text.append(' ');
                constant(dynamic.getBootstrapMethodArgument(i));
            }
        } else if (value instanceof String s) {
            text.append("str:").append(s.length()).append(':').append(s);
        } else if (value instanceof Float f) {
            text.append("F:").append(Float.floatToRawIntBits(f));
        } else if (value instanceof Double d) {
            text.append("D:").append(Double.doubleToRawLongBits(d));
        } else {
            text.append(value.getClass().getSimpleName()).append(':').append(value);
        }
    }

    private void handle(Handle handle) {
        String name = handle.getName().startsWith("lambda$") ? "lambda$" : handle.getName();
        text.append("handle:").append(handle.getTag()).append(' ').append(handle.getOwner()).append('.').append(name)
                .append(handle.getDesc());
        if (!handle.getName().equals(name)) {
            body.references.add(new ClassSummary.Reference(ClassSummary.Reference.Kind.LAMBDA, handle.getOwner(),
                    handle.getName(), handle.getDesc()));
        } else if (handle.getTag() <= Opcodes.H_INVOKEINTERFACE && handle.getTag() >= Opcodes.H_INVOKEVIRTUAL) {
            body.references.add(new ClassSummary.Reference(ClassSummary.Reference.Kind.CALL, handle.getOwner(),
                    handle.getName(), handle.getDesc()));
        }
    }
}
