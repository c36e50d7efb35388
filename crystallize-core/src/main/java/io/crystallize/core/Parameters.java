package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Declared parameters with their baseline defaults. A treatment may override only declared
 * parameters, with a value of the declared type; numbers widen (an {@code int} override of a
 * {@code double} parameter becomes a {@code double}), nothing narrows.
 */
public final class Parameters {

    private static final Parameters NONE = new Parameters(Map.of());

    private final Map<String, Object> defaults;

    private Parameters(Map<String, Object> defaults) {
        this.defaults = defaults;
    }

    public static Parameters none() {
        return NONE;
    }

    /** Parameters with these baseline defaults, in this order. Values must be immutable. */
    public static Parameters of(Map<String, ?> defaults) {
        Map<String, Object> copy = new LinkedHashMap<>();
        defaults.forEach((name, value) -> {
            if (Context.REPLICATE.equals(name) || Context.CONDITION.equals(name) || Context.SEED.equals(name)) {
                throw new ConfigurationException("parameter name '" + name + "' is reserved: every context holds "
                        + "'replicate', 'condition' and 'seed'; choose another name");
            }
            copy.put(Names.require("parameter", name), value);
        });
        return new Parameters(Collections.unmodifiableMap(copy));
    }

    public Map<String, Object> defaults() {
        return defaults;
    }

    public boolean isDeclared(String name) {
        return defaults.containsKey(name);
    }

    /** These parameters plus {@code other}'s; a name declared by both must have equal defaults. */
    public Parameters plus(Parameters other) {
        if (other.defaults.isEmpty()) {
            return this;
        }
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        other.defaults.forEach((name, value) -> {
            Object existing = merged.putIfAbsent(name, value);
            if (existing != null && !existing.equals(value)) {
                throw new ConfigurationException("parameter '" + name + "' is declared twice with different defaults ("
                        + existing + " and " + value + "): declare it once");
            }
        });
        return new Parameters(Collections.unmodifiableMap(merged));
    }

    /**
     * The override {@code value} converted to the declared parameter's type.
     *
     * @param treatment the treatment overriding it, named in errors
     * @throws ConfigurationException for an unknown parameter (with the nearest known name) or a
     *         value of the wrong type
     */
    public Object coerce(String treatment, String name, Object value) {
        if (!defaults.containsKey(name)) {
            throw new ConfigurationException("treatment '" + treatment + "' sets unknown parameter '" + name + "'"
                    + Names.didYouMean(name, defaults.keySet())
                    + "; declared parameters: " + defaults.keySet());
        }
        Object declared = defaults.get(name);
        Object converted = convert(declared, value);
        if (converted == null && value != null) {
            throw new ConfigurationException("treatment '" + treatment + "' sets parameter '" + name + "' to "
                    + describe(value) + ", but it is declared as " + declared.getClass().getSimpleName()
                    + " (default " + declared + "): give a " + declared.getClass().getSimpleName());
        }
        return converted;
    }

    private static Object convert(Object declared, Object value) {
        if (declared == null || value == null) {
            return value;
        }
        if (declared instanceof Double) {
            return value instanceof Number n && !(value instanceof java.math.BigDecimal) ? n.doubleValue() : null;
        }
        if (declared instanceof Float) {
            return value instanceof Float || value instanceof Integer || value instanceof Short || value instanceof Byte
                    ? ((Number) value).floatValue() : null;
        }
        if (declared instanceof Long) {
            return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                    ? ((Number) value).longValue() : null;
        }
        if (declared instanceof Integer) {
            return value instanceof Integer || value instanceof Short || value instanceof Byte
                    ? ((Number) value).intValue() : null;
        }
        return declared.getClass().isInstance(value) ? value : null;
    }

    private static String describe(Object value) {
        return (value instanceof String ? "\"" + value + "\"" : String.valueOf(value))
                + " (" + value.getClass().getSimpleName() + ")";
    }
}
