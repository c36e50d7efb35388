package io.crystallize.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The page's style sheet and chart script, shipped in the jar and inlined into every page. */
final class Assets {

    static final String CSS = read("report.css");
    static final String JS = read("report.js");

    private Assets() {
    }

    private static String read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("io/crystallize/report/" + name + " is missing from the class path: "
                        + "the crystallize-core jar is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
