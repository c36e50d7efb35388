package io.crystallize.core;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Execution-scoped resources: what steps prepare in {@code setup} (a model, a connection pool)
 * and release in {@code teardown}. A fresh instance per execution, discarded afterwards. Safe to
 * use from parallel runs.
 */
public final class Resources {

    private final Map<String, Object> values = new ConcurrentHashMap<>();

    public void put(String key, Object value) {
        values.put(key, value);
    }

    public Optional<Object> find(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The resource under {@code key}; a missing one is an error naming it. */
    public <T> T get(String key, Class<T> type) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("no resource '" + key + "': put it there in a step's setup(Resources)");
        }
        return type.cast(value);
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }
}
