package io.crystallize.core;

import io.crystallize.base.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What must be equal for the runs of one execution to stand for the runs of another: the
 * experiment's id, the master seed and whether conditions share a replicate's seed, the replicate
 * count, the conditions in order, and every condition's resolved parameter values. Two executions
 * with equal identities compute the same run for the same (replicate, condition), as far as the
 * library can tell; anything else that decides a run's outcome (e.g. a fingerprint of the code
 * that runs) joins the identity through {@link #with}.
 *
 * <p>Fields are text, so an identity is written and compared exactly; it is stored with the runs
 * it identifies and in a version's metadata.
 */
public final class RunIdentity {

    /** Prefix of the fields that hold a condition's code fingerprint ({@code fingerprint.<condition>}). */
    public static final String FINGERPRINT_PREFIX = "fingerprint.";

    private final Map<String, String> fields;

    private RunIdentity(Map<String, String> fields) {
        this.fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** The identity of an execution of {@code experiment} with these conditions and replicates. */
    static RunIdentity of(Experiment experiment, SeedPlugin seeds, int replicates,
            Map<String, Map<String, Object>> conditionParameters) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("experiment", experiment.id());
        fields.put("seed", Long.toString(seeds.masterSeed()));
        fields.put("seeds", seeds.sharedAcrossConditions() ? "shared by conditions" : "per condition");
        fields.put("replicates", Integer.toString(replicates));
        fields.put("conditions", String.join(",", conditionParameters.keySet()));
        conditionParameters.forEach((condition, values) -> fields.put("parameters." + condition,
                String.valueOf(new TreeMap<>(values))));
        return new RunIdentity(fields);
    }

    /** An identity from stored fields (see {@link #fields()}). */
    public static RunIdentity of(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        fields.forEach((name, value) -> {
            Objects.requireNonNull(name, "field name");
            Objects.requireNonNull(value, () -> "value of identity field " + name);
        });
        return new RunIdentity(fields);
    }

    /** This identity with one more field (or a field replaced): how further inputs of a run join it. */
    public RunIdentity with(String field, String value) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("an identity field needs a name, got '" + field + "'");
        }
        Map<String, String> more = new TreeMap<>(fields);
        more.put(field, Objects.requireNonNull(value, "value"));
        return new RunIdentity(more);
    }

    /** Every field by name, sorted by name. */
    public Map<String, String> fields() {
        return fields;
    }

    /**
     * The first difference from {@code other}, for a message ("seed is 7 there, 8 here"), or
     * empty when the identities are equal.
     */
    public Optional<String> differenceFrom(RunIdentity other) {
        TreeMap<String, String> names = new TreeMap<>(fields);
        other.fields.forEach(names::putIfAbsent);
        // fingerprints cover the seed, parameters and replicates too: name those first when they differ
        List<String> order = new ArrayList<>();
        names.keySet().stream().filter(name -> !name.startsWith(FINGERPRINT_PREFIX)).forEach(order::add);
        names.keySet().stream().filter(name -> name.startsWith(FINGERPRINT_PREFIX)).forEach(order::add);
        for (String name : order) {
            String here = fields.get(name);
            String there = other.fields.get(name);
            if (!Objects.equals(here, there)) {
                return Optional.of(name + " is " + describe(there) + " there, " + describe(here) + " here");
            }
        }
        return Optional.empty();
    }

    private static String describe(String value) {
        return value == null ? "absent" : "'" + value + "'";
    }

    /** The conditions this identity names, in order. */
    List<String> conditions() {
        String list = fields.getOrDefault("conditions", Names.BASELINE);
        return List.of(list.split(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunIdentity other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "RunIdentity" + fields;
    }
}
