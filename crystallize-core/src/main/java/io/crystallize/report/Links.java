package io.crystallize.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Relative links from a page to files, percent-encoded, with forward slashes on every platform. */
final class Links {

    private Links() {
    }

    /** The link from a page in {@code fromDirectory} to {@code target}. */
    static String relative(Path fromDirectory, Path target) {
        Path relative = fromDirectory.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize());
        StringBuilder link = new StringBuilder();
        for (Path segment : relative) {
            if (link.length() > 0) {
                link.append('/');
            }
            link.append(encode(segment.toString()));
        }
        return link.length() == 0 ? "." : link.toString();
    }

    /** Unreserved characters kept, everything else percent-encoded as UTF-8. */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
