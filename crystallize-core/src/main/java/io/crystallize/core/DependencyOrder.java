package io.crystallize.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders nodes so that each comes after the nodes it depends on (its upstream), keeping the given
 * order otherwise: how experiment graphs and the test engine order experiments that read other
 * experiments' results. A node in a cycle cannot be ordered: it is placed where the walk reached
 * it, and the cycle is reported. Upstream nodes that are not among the given ones are reported as
 * missing and not ordered.
 *
 * @param <T> the node type; nodes are compared with {@code equals}
 * @param order   every given node, each after its upstream nodes (except around a cycle)
 * @param cycle   the nodes of the first cycle found, in dependency order with the first repeated
 *                at the end ({@code a, b, a}: a depends on b, which depends on a); empty when there is none
 * @param missing per node, its upstream nodes that were not given; empty when every one was
 */
public record DependencyOrder<T>(List<T> order, List<T> cycle, Map<T, List<T>> missing) {

    /** Orders {@code nodes}; {@code upstream} gives the nodes a node depends on. */
    public static <T> DependencyOrder<T> of(List<T> nodes, Function<? super T, ? extends Collection<T>> upstream) {
        Set<T> given = new LinkedHashSet<>(nodes);
        Walk<T> walk = new Walk<>(given, upstream);
        for (T node : nodes) {
            walk.visit(node);
        }
        return new DependencyOrder<>(List.copyOf(walk.ordered), List.copyOf(walk.cycle), walk.missing);
    }

    private static final class Walk<T> {
        final Set<T> given;
        final Function<? super T, ? extends Collection<T>> upstream;
        final Set<T> ordered = new LinkedHashSet<>();
        /** The nodes being visited, outermost first. */
        final List<T> path = new ArrayList<>();
        final List<T> cycle = new ArrayList<>();
        final Map<T, List<T>> missing = new LinkedHashMap<>();

        Walk(Set<T> given, Function<? super T, ? extends Collection<T>> upstream) {
            this.given = given;
            this.upstream = upstream;
        }

        void visit(T node) {
            if (ordered.contains(node)) {
                return;
            }
            int onPath = path.indexOf(node);
            if (onPath >= 0) {
                if (cycle.isEmpty()) {
                    cycle.addAll(path.subList(onPath, path.size()));
                    cycle.add(node);
                }
                return;
            }
            path.add(node);
            for (T before : upstream.apply(node)) {
                if (given.contains(before)) {
                    visit(before);
                } else {
                    missing.computeIfAbsent(node, n -> new ArrayList<>()).add(before);
                }
            }
            path.remove(path.size() - 1);
            ordered.add(node);
        }
    }
}
