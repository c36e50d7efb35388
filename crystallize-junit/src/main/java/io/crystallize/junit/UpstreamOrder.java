package io.crystallize.junit;

import io.crystallize.core.DependencyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.platform.engine.TestDescriptor;

/**
 * Orders experiments so that each runs after the experiments whose artifacts it reads, keeping
 * discovery order otherwise ({@link DependencyOrder}, which experiment graphs use too). A cycle
 * cannot be ordered; its experiments keep their order and will fail reading the missing
 * artifacts, as a cycle cannot be run at all. Upstream experiments that are not selected are run
 * by the experiment that needs them.
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
        return DependencyOrder.of(children, node -> node instanceof ExperimentDescriptor e
                ? e.definition().upstream().stream().map(byClass::get).filter(Objects::nonNull).toList()
                : List.<TestDescriptor>of()).order();
    }
}
