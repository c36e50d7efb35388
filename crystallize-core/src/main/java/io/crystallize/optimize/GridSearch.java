package io.crystallize.optimize;

import io.crystallize.core.Objective;
import io.crystallize.core.Treatment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tries every combination of the given parameter values, in order (the last parameter varies
 * fastest); asking past the last combination starts over.
 */
public final class GridSearch extends Search {

    private final List<Map<String, Object>> grid;
    private int next;

    public GridSearch(Map<String, List<?>> values, Objective objective) {
        super(objective);
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        values.forEach((parameter, options) -> {
            if (options.isEmpty()) {
                throw new IllegalArgumentException("grid parameter '" + parameter + "' has no values");
            }
            List<Map<String, Object>> expanded = new ArrayList<>();
            for (Map<String, Object> partial : combinations) {
                for (Object option : options) {
                    Map<String, Object> combination = new LinkedHashMap<>(partial);
                    combination.put(parameter, option);
                    expanded.add(combination);
                }
            }
            combinations.clear();
            combinations.addAll(expanded);
        });
        this.grid = List.copyOf(combinations);
    }

    /** Number of combinations. */
    public int size() {
        return grid.size();
    }

    @Override
    public Treatment ask() {
        int index = next++ % grid.size();
        return Treatment.of("trial_" + index, grid.get(index));
    }
}
