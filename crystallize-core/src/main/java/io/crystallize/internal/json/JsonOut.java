package io.crystallize.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Writes plain values (maps, collections, arrays, text, numbers, booleans, enums, null) as JSON
 * with {@link JsonWriter}, byte for byte as {@link Json#MAPPER} writes them.
 * Building the mapper and its serializers loads some 400 classes, which in a fresh JVM cost more
 * than all the results files of a first pass; the files Crystallize writes hold only plain values.
 * Any other value is handed to {@link Json#MAPPER} (and written as it writes it, without
 * indentation).
 */
public final class JsonOut {

    private JsonOut() {
    }

    /** Without indentation, as {@code Json.MAPPER.writeValueAsBytes}. */
    public static byte[] compact(Object value) {
        JsonWriter out = JsonWriter.compact(256);
        write(out, value);
        return out.toByteArray();
    }

    /** Indented, as {@code Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes}. */
    public static byte[] pretty(Object value) {
        JsonWriter out = JsonWriter.indented(1024);
        write(out, value);
        return out.toByteArray();
    }

    /** Without indentation, as {@code Json.MAPPER.writeValueAsString}. */
    public static String text(Object value) {
        JsonWriter out = JsonWriter.compact(256);
        write(out, value);
        return out.toString();
    }

    /** Writes a property of the object the writer stands in: its name, then its value: plain values as described above, others as the mapper writes them. */
    public static void property(JsonWriter g, String name, Object value) {
        g.writeName(name);
        write(g, value);
    }

    /** True for a value this class writes itself, all the way down (the mapper is not needed). */
    public static boolean isPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number
                && isPlainNumber(value) || value instanceof Enum<?> || value instanceof double[]
                || value instanceof int[] || value instanceof long[]) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String) || !isPlain(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (!isPlain(item)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isPlainNumber(Object n) {
        return n instanceof Integer || n instanceof Long || n instanceof Double || n instanceof Float
                || n instanceof Short || n instanceof Byte || n instanceof BigInteger || n instanceof BigDecimal;
    }

    /*
     * One small method per kind of value: a single method holding every kind, recursive through
     * maps and collections, was the largest method C2 compiled in a first pass (54 KB of code and
     * 0.4 s of a compiler thread for 200 experiments' results files).
     */
    private static void write(JsonWriter g, Object value) {
        if (value instanceof Map<?, ?> map && allStringKeys(map)) {
            writeObject(g, map);
        } else if (value instanceof Collection<?> items) {
            writeArray(g, items);
        } else if (value instanceof double[] values) {
            writeDoubles(g, values);
        } else {
            writeScalar(g, value);
        }
    }

    private static void writeObject(JsonWriter g, Map<?, ?> map) {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            g.writeName((String) e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeArray(JsonWriter g, Collection<?> items) {
        g.writeStartArray();
        for (Object item : items) {
            write(g, item);
        }
        g.writeEndArray();
    }

    private static void writeDoubles(JsonWriter g, double[] values) {
        g.writeStartArray();
        for (double v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    private static void writeScalar(JsonWriter g, Object value) {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long l) {
            g.writeNumber((long) l);
        } else if (value instanceof Double d) {
            g.writeNumber((double) d);
        } else {
            writeRare(g, value);
        }
    }

    private static void writeRare(JsonWriter g, Object value) {
        if (value instanceof Float f) {
            g.writeNumber((float) f);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (value instanceof int[] values) {
            g.writeStartArray();
            for (int v : values) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        } else if (value instanceof long[] values) {
            g.writeStartArray();
            for (long v : values) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        } else {
            g.writeRawValue(Json.MAPPER.writeValueAsString(value));
        }
    }

    private static boolean allStringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
