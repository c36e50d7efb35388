package io.crystallize.internal.model;

/**
 * A treatment's {@code parameter=value} literal, parsed against the parameter's declared type.
 *
 * @param param the parameter's name
 * @param text  the value as written
 * @param value the parsed value, boxed as the parameter's type
 */
public record Literal(String param, String text, Object value) {

    /**
     * Splits {@code parameter=value}.
     *
     * @throws IllegalArgumentException with {@link Messages#LITERAL_FORM} when there is no {@code =}
     */
    public static String[] split(String literal) {
        int eq = literal.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + literal + "' " + Messages.LITERAL_FORM);
        }
        return new String[] {literal.substring(0, eq).trim(), literal.substring(eq + 1).trim()};
    }

    /** Whether a literal can set a parameter of this type. */
    public static boolean supports(TypeRef type) {
        return type.isPrimitive() || type.boxed().erasure().startsWith("java.lang.")
                && switch (type.boxed().erasure()) {
                    case "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short",
                            "java.lang.Character", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
                            "java.lang.Double" -> true;
                    default -> false;
                };
    }

    /**
     * Parses {@code text} as a value of {@code type}.
     *
     * @throws IllegalArgumentException with {@link Messages#LITERAL_UNPARSABLE} when it is not one
     */
    public static Literal parse(String param, TypeRef type, String text) {
        String boxed = type.boxed().erasure();
        try {
            Object value = switch (boxed) {
                case "java.lang.String" -> unquote(text);
                case "java.lang.Boolean" -> switch (text) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new NumberFormatException(text);
                };
                case "java.lang.Character" -> {
                    String s = unquote(text);
                    if (s.length() != 1) {
                        throw new NumberFormatException(text);
                    }
                    yield s.charAt(0);
                }
                case "java.lang.Byte" -> Byte.valueOf(text);
                case "java.lang.Short" -> Short.valueOf(text);
                case "java.lang.Integer" -> Integer.valueOf(text);
                case "java.lang.Long" -> Long.valueOf(stripSuffix(text, 'L'));
                case "java.lang.Float" -> finite(Float.valueOf(stripSuffix(text, 'F')));
                case "java.lang.Double" -> finite(Double.valueOf(stripSuffix(text, 'D')));
                default -> throw new NumberFormatException(text);
            };
            return new Literal(param, text, value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value '" + text + "' of parameter '" + param + "' "
                    + Messages.LITERAL_UNPARSABLE + " " + type.name());
        }
    }

    /** The value as a Java expression of its boxed type, for generated code. */
    public String javaSource() {
        if (value instanceof String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return b.append('"').toString();
        }
        if (value instanceof Character c) {
            return "(char) " + (int) c;
        }
        if (value instanceof Long l) {
            return l + "L";
        }
        if (value instanceof Float f) {
            return f + "F";
        }
        if (value instanceof Double d) {
            return d + "D";
        }
        if (value instanceof Byte b) {
            return "(byte) " + b;
        }
        if (value instanceof Short s) {
            return "(short) " + s;
        }
        return String.valueOf(value);
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static String stripSuffix(String text, char suffix) {
        return text.endsWith(String.valueOf(suffix)) || text.endsWith(String.valueOf(Character.toLowerCase(suffix)))
                ? text.substring(0, text.length() - 1) : text;
    }

    private static <N extends Number> N finite(N n) {
        if (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
            throw new NumberFormatException(String.valueOf(n));
        }
        return n;
    }
}
