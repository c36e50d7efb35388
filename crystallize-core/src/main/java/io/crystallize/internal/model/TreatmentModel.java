package io.crystallize.internal.model;

import java.util.List;

/**
 * A {@code @Treatment}.
 *
 * @param set    its {@code parameter=value} literals
 * @param values the static method computing its overrides (method form), or {@code null}
 * @param ref    the annotation
 */
public record TreatmentModel(String name, List<String> set, MethodModel values, ElementRef ref) {

    public TreatmentModel {
        set = List.copyOf(set);
    }
}
