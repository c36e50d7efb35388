package io.crystallize.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {

    @Test
    void independentNodesKeepTheirOrderAndDependentOnesFollowTheirUpstream() {
        Map<String, List<String>> upstream = Map.of("d", List.of("b", "c"), "b", List.of("a"), "c", List.of("a"),
                "x", List.of(), "a", List.of());
        DependencyOrder<String> order = DependencyOrder.of(List.of("x", "d", "c", "b", "a"), upstream::get);
        assertThat(order.order()).containsExactly("x", "a", "b", "c", "d");
        assertThat(order.cycle()).isEmpty();
        assertThat(order.missing()).isEmpty();
    }

    @Test
    void reportsTheFirstCycleAndMissingUpstreamNodes() {
        Map<String, List<String>> upstream = Map.of("a", List.of("b"), "b", List.of("a", "gone"));
        DependencyOrder<String> order = DependencyOrder.of(List.of("a", "b"), upstream::get);
        assertThat(order.order()).containsExactly("b", "a");
        assertThat(order.cycle()).containsExactly("a", "b", "a");
        assertThat(order.missing()).containsExactly(Map.entry("b", List.of("gone")));
    }
}
