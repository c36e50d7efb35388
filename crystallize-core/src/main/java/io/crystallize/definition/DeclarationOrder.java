package io.crystallize.definition;

import io.crystallize.internal.classfile.ClassFiles;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a class declares its fields and methods, read from its class file (javac
 * writes members in source order; reflection promises no order). Reads only the constant pool's
 * names and the member tables, skipping everything else, so it costs one small file read and no
 * class loading beyond this one.
 *
 * @param fields field names in declaration order
 * @param methods methods in declaration order, each as its name followed by its descriptor, e.g.
 *        {@code add(J)J}
 */
record DeclarationOrder(List<String> fields, List<String> methods) {

    private static final int MAGIC = 0xCAFEBABE;

    /** The declaration order of {@code type}, or {@code null} when its class file cannot be read. */
    static DeclarationOrder of(Class<?> type) {
        byte[] classFile = ClassFiles.read(type);
        try {
            return classFile == null ? null : parse(classFile);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static DeclarationOrder parse(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        String[] utf8 = constantPoolNames(in);
        in.readUnsignedShort();
        in.readUnsignedShort();
        in.readUnsignedShort();
        in.skipNBytes(2L * in.readUnsignedShort());
        List<String> fields = new ArrayList<>();
        int fieldCount = in.readUnsignedShort();
        for (int i = 0; i < fieldCount; i++) {
            in.readUnsignedShort();
            fields.add(utf8[in.readUnsignedShort()]);
            in.readUnsignedShort();
            skipAttributes(in);
        }
        List<String> methods = new ArrayList<>();
        int methodCount = in.readUnsignedShort();
        for (int i = 0; i < methodCount; i++) {
            in.readUnsignedShort();
            String name = utf8[in.readUnsignedShort()];
            methods.add(name + utf8[in.readUnsignedShort()]);
            skipAttributes(in);
        }
        return new DeclarationOrder(List.copyOf(fields), List.copyOf(methods));
    }

    /** The constant pool's UTF-8 entries by index; other entries are skipped. */
    private static String[] constantPoolNames(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.readUnsignedShort();
            in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
        }
    }
}
