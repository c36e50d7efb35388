package io.crystallize.core;

import io.crystallize.base.Names;
import java.util.List;
import java.util.Map;

/**
 * The conditions of one execution, by index: the treatment ({@code null} for the baseline), the
 * name, and the parameter values frozen once for all of the condition's runs.
 */
final class Conditions {

    private final Treatment[] treatments;
    private final String[] names;
    private final Map<String, Object>[] parameters;

    /** @param parameters each condition's parameter values, by name, in condition order */
    @SuppressWarnings("unchecked")
    Conditions(List<Treatment> conditions, Map<String, Map<String, Object>> parameters) {
        int count = conditions.size();
        this.treatments = conditions.toArray(new Treatment[0]);
        this.names = new String[count];
        this.parameters = new Map[count];
        for (int c = 0; c < count; c++) {
            names[c] = treatments[c] == null ? Names.BASELINE : treatments[c].name();
            this.parameters[c] = Context.frozenCopy(parameters.get(names[c]));
        }
    }

    int count() {
        return names.length;
    }

    Treatment treatment(int c) {
        return treatments[c];
    }

    String name(int c) {
        return names[c];
    }

    /** Every condition's name, by index. */
    String[] names() {
        return names.clone();
    }

    Map<String, Object> parameters(int c) {
        return parameters[c];
    }
}
