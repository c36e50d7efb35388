package io.crystallize.definition;

import java.util.List;

/**
 * One {@code @Hypothesis} method as declared.
 *
 * @param method     the method's name (unique in the class: hypothesis methods cannot be overloaded)
 * @param name       the hypothesis's name in results
 * @param metrics    the metrics it compares
 * @param treatments the treatments it covers, resolved (all declared treatments when it names none)
 */
public record HypothesisDeclaration(String method, String name, List<String> metrics, List<String> treatments) {

    public HypothesisDeclaration {
        metrics = List.copyOf(metrics);
        treatments = List.copyOf(treatments);
    }
}
