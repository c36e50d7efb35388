package io.crystallize.core;

import io.crystallize.base.Names;
import io.crystallize.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;

/** The per-run artifact log: cleared at every step start; stored locations accumulate per run. */
final class ArtifactLog implements Artifacts {

    private Map<String, byte[]> current = Map.of();
    private List<Path> locations = List.of();
    private String step;

    void startStep(String stepName) {
        if (!current.isEmpty()) {
            current = Map.of();
        }
        step = stepName;
    }

    @Override
    public void write(String name, byte[] content) {
        Names.require("artifact", name);
        if (content == null) {
            throw new IllegalArgumentException("artifact '" + name + "' of step '" + step + "' has no content (null): "
                    + "write bytes, text or a JSON value");
        }
        if (current.containsKey(name)) {
            throw new IllegalStateException("artifact '" + name + "' was already written by step '" + step
                    + "' in this run: write each artifact name once per step");
        }
        if (current.isEmpty()) {
            current = new LinkedHashMap<>();
        }
        current.put(name, content.clone());
    }

    @Override
    public void writeText(String name, String text) {
        write(name, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void writeJson(String name, Object value) {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("artifact '" + name + "' of step '" + step + "' cannot be written as JSON ("
                    + (value == null ? "null" : value.getClass().getName()) + "): " + e.getOriginalMessage()
                    + "; write bytes or text instead, or make the value serialisable by Jackson", e);
        }
        write(name, json);
    }

    @Override
    public Map<String, byte[]> written() {
        return current.isEmpty() ? Map.of() : Collections.unmodifiableMap(current);
    }

    @Override
    public void stored(String name, Path location) {
        if (locations.isEmpty()) {
            locations = new ArrayList<>();
        }
        locations.add(location);
    }

    List<Path> locations() {
        return locations;
    }
}
