package io.crystallize.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.core.io.NumberOutput;

/**
 * Writes one JSON document as UTF-8 bytes, byte for byte as {@link Json#MAPPER} writes it:
 * compact, or indented as its default pretty printer indents (objects one member per line, two
 * spaces per open object; arrays on one line). Doubles and floats are formatted by Jackson's fast
 * (shortest round-trip) routine, non-finite ones as the bare {@code NaN}/{@code Infinity} tokens.
 *
 * <p>Why not Jackson's generator: in a fresh JVM, its classes and the many methods it runs for a
 * handful of small files were the largest body of code a first pass of 200 experiments loaded and
 * compiled beyond Jupiter's (234 compilations, 0.18 s of the compiler threads); the documents
 * Crystallize writes need a few dozen lines.
 * The method names are the generator's, for the same calls. A string holding a lone surrogate is
 * written with {@code ?} in its place (the generator refuses it).
 */
public final class JsonWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final boolean indented;
    private byte[] bytes;
    private int length;
    /** Per open object or array, outermost first: whether nothing was written in it yet. */
    private boolean[] empty = new boolean[8];
    private boolean[] inObject = new boolean[8];
    private int depth;
    /** Open objects: the pretty printer indents by these, not by arrays. */
    private int objects;

    private JsonWriter(boolean indented, int capacity) {
        this.indented = indented;
        this.bytes = new byte[capacity];
    }

    /** Without indentation, as {@code Json.MAPPER.writeValueAsBytes}. */
    public static JsonWriter compact(int capacity) {
        return new JsonWriter(false, capacity);
    }

    /** Indented, as {@code Json.MAPPER.writerWithDefaultPrettyPrinter()}. */
    public static JsonWriter indented(int capacity) {
        return new JsonWriter(true, capacity);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    public void writeStartObject() {
        beforeValue();
        open(true);
        put('{');
        objects++;
    }

    public void writeEndObject() {
        boolean nothing = close();
        objects--;
        if (!indented) {
            put('}');
        } else if (nothing) {
            put(' ');
            put('}');
        } else {
            newLine();
            put('}');
        }
    }

    public void writeStartArray() {
        beforeValue();
        open(false);
        put('[');
    }

    public void writeEndArray() {
        close();
        if (indented) {
            put(' ');
        }
        put(']');
    }

    /** A member's name; its value comes next. */
    public void writeName(String name) {
        int top = depth - 1;
        if (top < 0 || !inObject[top]) {
            throw new IllegalStateException("a name outside an object: " + name);
        }
        if (!empty[top]) {
            put(',');
        }
        empty[top] = false;
        if (indented) {
            newLine();
        }
        quoted(name);
        if (indented) {
            put(' ');
            put(':');
            put(' ');
        } else {
            put(':');
        }
    }

    public void writeString(String value) {
        if (value == null) {
            writeNull();
            return;
        }
        beforeValue();
        quoted(value);
    }

    public void writeNumber(int value) {
        beforeValue();
        ascii(Integer.toString(value));
    }

    public void writeNumber(long value) {
        beforeValue();
        ascii(Long.toString(value));
    }

    public void writeNumber(double value) {
        beforeValue();
        ascii(NumberOutput.toString(value, true));
    }

    public void writeNumber(float value) {
        beforeValue();
        ascii(NumberOutput.toString(value, true));
    }

    public void writeNumber(BigInteger value) {
        if (value == null) {
            writeNull();
            return;
        }
        beforeValue();
        ascii(value.toString());
    }

    public void writeNumber(BigDecimal value) {
        if (value == null) {
            writeNull();
            return;
        }
        beforeValue();
        ascii(value.toString());
    }

    public void writeBoolean(boolean value) {
        beforeValue();
        ascii(value ? "true" : "false");
    }

    public void writeNull() {
        beforeValue();
        ascii("null");
    }

    /** A value already written as JSON, taken as it is. */
    public void writeRawValue(String json) {
        beforeValue();
        byte[] raw = json.getBytes(StandardCharsets.UTF_8);
        ensure(raw.length);
        System.arraycopy(raw, 0, bytes, length, raw.length);
        length += raw.length;
    }

    public void writeStringProperty(String name, String value) {
        writeName(name);
        writeString(value);
    }

    public void writeNumberProperty(String name, int value) {
        writeName(name);
        writeNumber(value);
    }

    public void writeNumberProperty(String name, long value) {
        writeName(name);
        writeNumber(value);
    }

    public void writeNumberProperty(String name, double value) {
        writeName(name);
        writeNumber(value);
    }

    public void writeBooleanProperty(String name, boolean value) {
        writeName(name);
        writeBoolean(value);
    }

    public void writeObjectPropertyStart(String name) {
        writeName(name);
        writeStartObject();
    }

    public void writeArrayPropertyStart(String name) {
        writeName(name);
        writeStartArray();
    }

    /** Separates an array's values; in an object the name came first, at the root nothing does. */
    private void beforeValue() {
        int top = depth - 1;
        if (top < 0 || inObject[top]) {
            return;
        }
        if (!empty[top]) {
            put(',');
        }
        empty[top] = false;
        if (indented) {
            put(' ');
        }
    }

    private void open(boolean object) {
        if (depth == empty.length) {
            empty = Arrays.copyOf(empty, depth * 2);
            inObject = Arrays.copyOf(inObject, depth * 2);
        }
        empty[depth] = true;
        inObject[depth] = object;
        depth++;
    }

    /** Closes the innermost object or array; true when nothing was written in it. */
    private boolean close() {
        if (depth == 0) {
            throw new IllegalStateException("nothing open to close");
        }
        depth--;
        return empty[depth];
    }

    private void newLine() {
        ensure(1 + 2 * objects);
        bytes[length++] = '\n';
        for (int i = 0; i < 2 * objects; i++) {
            bytes[length++] = ' ';
        }
    }

    private void quoted(String text) {
        int n = text.length();
        ensure(n + 2);
        bytes[length++] = '"';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
                special(text, i);
                return;
            }
            bytes[length++] = (byte) c;
        }
        bytes[length++] = '"';
    }

    /** The rest of a string from {@code start}, where a character needs escaping or more than one byte. */
    private void special(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                escaped(c);
            } else {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) >= 0x80) {
                    end++;
                }
                byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                ensure(encoded.length);
                System.arraycopy(encoded, 0, bytes, length, encoded.length);
                length += encoded.length;
                i = end - 1;
            }
        }
        put('"');
    }

    private void escaped(char c) {
        ensure(6);
        switch (c) {
            case '"' -> twoBytes('"');
            case '\\' -> twoBytes('\\');
            case '\n' -> twoBytes('n');
            case '\t' -> twoBytes('t');
            case '\r' -> twoBytes('r');
            case '\b' -> twoBytes('b');
            case '\f' -> twoBytes('f');
            default -> {
                if (c >= 0x20) {
                    bytes[length++] = (byte) c;
                } else {
                    bytes[length++] = '\\';
                    bytes[length++] = 'u';
                    bytes[length++] = '0';
                    bytes[length++] = '0';
                    bytes[length++] = HEX[c >> 4];
                    bytes[length++] = HEX[c & 0xF];
                }
            }
        }
    }

    private void twoBytes(char escape) {
        bytes[length++] = '\\';
        bytes[length++] = (byte) escape;
    }

    private void ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    private void put(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
