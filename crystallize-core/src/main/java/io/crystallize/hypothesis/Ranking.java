package io.crystallize.hypothesis;

import java.util.List;

/**
 * Treatments of one hypothesis, best first. Lower score is better (by default the adjusted
 * p-value); ties go to the larger effect in the better direction, then declaration order.
 */
public record Ranking(String best, List<Ranked> ranked) {

    public Ranking {
        ranked = List.copyOf(ranked);
    }

    /** One treatment's place. */
    public record Ranked(String treatment, double score) {
    }
}
