package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A named set of parameter overrides. Given as a map, the overrides are checked against the
 * declared parameters before anything runs; given as a function of the baseline parameters, they
 * are checked when first applied, and a bad name fails that run only.
 */
public final class Treatment {

    private final String name;
    private final Map<String, Object> overrides;
    private final Function<Map<String, Object>, Map<String, ?>> function;

    private Treatment(String name, Map<String, Object> overrides, Function<Map<String, Object>, Map<String, ?>> function) {
        if (Names.isBaseline(name)) {
            throw new ConfigurationException("treatment name '" + name + "' is reserved for the baseline condition "
                    + "(in any case, since condition names become directories): rename the treatment");
        }
        this.name = Names.require("treatment", name);
        this.overrides = overrides;
        this.function = function;
    }

    /** A treatment setting these parameters (in this order). */
    public static Treatment of(String name, Map<String, ?> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        Map<String, Object> copy = new LinkedHashMap<>();
        overrides.forEach(copy::put);
        return new Treatment(name, Collections.unmodifiableMap(copy), null);
    }

    /** A treatment setting one parameter. */
    public static Treatment of(String name, String parameter, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(parameter, value);
        return of(name, one);
    }

    /**
     * A treatment whose overrides are computed from the baseline parameter values when a run
     * starts. The function must be deterministic and side-effect free.
     */
    public static Treatment computed(String name, Function<Map<String, Object>, Map<String, ?>> overrides) {
        return new Treatment(name, null, Objects.requireNonNull(overrides, "overrides"));
    }

    public String name() {
        return name;
    }

    /** The literal overrides, or an empty map for a computed treatment. */
    public Map<String, Object> overrides() {
        return overrides == null ? Map.of() : overrides;
    }

    public boolean isComputed() {
        return function != null;
    }

    /**
     * The function computing a computed treatment's overrides, or {@code null} for a literal
     * treatment: its code identifies the treatment when runs are fingerprinted.
     */
    public Object function() {
        return function;
    }

    /** The overrides for a run whose baseline parameter values are {@code baseline}. */
    Map<String, ?> resolve(Map<String, Object> baseline) {
        if (function == null) {
            return overrides;
        }
        Map<String, ?> computed = function.apply(Collections.unmodifiableMap(baseline));
        return computed == null ? Map.of() : computed;
    }

    @Override
    public String toString() {
        return isComputed() ? name + " (computed)" : name + " " + overrides;
    }
}
