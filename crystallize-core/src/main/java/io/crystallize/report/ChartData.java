package io.crystallize.report;

/**
 * Writes the JSON the page's script draws from. Non-finite numbers become {@code null} (browsers'
 * {@code JSON.parse} knows no NaN), and {@code < > &} in strings are escaped, so the text can sit
 * inside a {@code <script>} element without ending it.
 */
final class ChartData {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(4096);
    private boolean first = true;

    ChartData beginObject() {
        separate();
        out.append('{');
        first = true;
        return this;
    }

    ChartData endObject() {
        out.append('}');
        first = false;
        return this;
    }

    ChartData beginArray() {
        separate();
        out.append('[');
        first = true;
        return this;
    }

    ChartData endArray() {
        out.append(']');
        first = false;
        return this;
    }

    /** A key of the enclosing object; the value written next belongs to it. */
    ChartData key(String name) {
        separate();
        string(name);
        out.append(':');
        first = true;
        return this;
    }

    ChartData value(String text) {
        separate();
        if (text == null) {
            out.append("null");
        } else {
            string(text);
        }
        first = false;
        return this;
    }

    ChartData value(double number) {
        separate();
        number(number);
        first = false;
        return this;
    }

    ChartData value(boolean flag) {
        separate();
        out.append(flag);
        first = false;
        return this;
    }

    ChartData values(double[] numbers, int count) {
        beginArray();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(',');
            }
            number(numbers[i]);
        }
        out.append(']');
        first = false;
        return this;
    }

    ChartData field(String name, String text) {
        return key(name).value(text);
    }

    ChartData field(String name, double number) {
        return key(name).value(number);
    }

    ChartData field(String name, boolean flag) {
        return key(name).value(flag);
    }

    private void separate() {
        if (!first) {
            out.append(',');
        }
        first = false;
    }

    private void number(double v) {
        if (!Double.isFinite(v)) {
            out.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(v); // every digit: values far from zero may differ only in their last ones
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> {
                    if (c < 0x20 || c >= 0x7f) { // beyond ASCII too: pages stay ASCII (see Html.escape)
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                                .append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
