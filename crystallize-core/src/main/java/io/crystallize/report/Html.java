package io.crystallize.report;

/** Escaping for text and attribute values, and identifiers safe in ids and URL fragments. */
final class Html {

    private Html() {
    }

    /**
     * {@code value} with {@code & < > " '} escaped, safe in element text and quoted attributes,
     * and every character beyond ASCII as a numeric reference: pages stay ASCII, which Java keeps
     * one byte a character and writes as UTF-8 without encoding.
     */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x7f ? null : "&#" + value.codePointAt(i) + ";";
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                out.append(replacement);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    i++; // the reference covered the pair
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /** Letters, digits, {@code _ . -} kept, anything else as {@code _}: an id that needs no escaping anywhere. */
    static String id(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-';
            out.append(plain ? c : '_');
        }
        return out.toString();
    }
}
