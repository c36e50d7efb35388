package io.crystallize.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the running step writes artifacts (files kept per replicate, condition and step). Each
 * name may be written once per step. With the artifact plugin installed they land under
 * {@code <root>/<experiment>/v<version>/replicate_<r>/<condition>/<step>/<name>}.
 */
public interface Artifacts {

    void write(String name, byte[] content);

    void writeText(String name, String text);

    /** Serialises {@code value} with Jackson now, so a value that cannot be written fails this step. */
    void writeJson(String name, Object value);

    /** What the running step has written so far (name to bytes), for plugins that store artifacts. */
    Map<String, byte[]> written();

    /** Records where a storing plugin put artifact {@code name}; the result lists these paths. */
    void stored(String name, Path location);
}
