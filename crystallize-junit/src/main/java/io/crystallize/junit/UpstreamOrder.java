package io.crystallize.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestDescriptor;

/**
 * Orders experiments so that each runs after the experiments whose artifacts it reads, keeping
 * discovery order otherwise. A cycle cannot be ordered; its experiments keep their order and
 * will fail reading the missing artifacts, as a cycle cannot be run at all.
 */
final class UpstreamOrder {

    private UpstreamOrder() {
    }

    /**
     * Puts the engine's experiments in upstream order. Children are re-added rather than ordered
     * with {@code TestDescriptor.orderChildren}, which platforms before 1.12 lack.
     */
    static void apply(TestDescriptor engine) {
        List<TestDescriptor> sorted = sort(new ArrayList<>(engine.getChildren()));
        sorted.forEach(engine::removeChild);
        sorted.forEach(engine::addChild);
    }

    static List<TestDescriptor> sort(List<TestDescriptor> children) {
        Map<Class<?>, TestDescriptor> byClass = new LinkedHashMap<>();
        for (TestDescriptor child : children) {
            if (child instanceof ExperimentDescriptor e) {
                byClass.put(e.definition().experimentClass(), child);
            }
        }
        Set<TestDescriptor> ordered = new LinkedHashSet<>();
        Set<TestDescriptor> visiting = new LinkedHashSet<>();
        for (TestDescriptor child : children) {
            visit(child, byClass, ordered, visiting);
        }
        return new ArrayList<>(ordered);
    }

    private static void visit(TestDescriptor node, Map<Class<?>, TestDescriptor> byClass, Set<TestDescriptor> ordered,
            Set<TestDescriptor> visiting) {
        if (ordered.contains(node) || !visiting.add(node)) {
            return;
        }
        if (node instanceof ExperimentDescriptor e) {
            for (Class<?> upstream : e.definition().upstream()) {
                TestDescriptor before = byClass.get(upstream);
                if (before != null) {
                    visit(before, byClass, ordered, visiting);
                }
            }
        }
        ordered.add(node);
    }
}
