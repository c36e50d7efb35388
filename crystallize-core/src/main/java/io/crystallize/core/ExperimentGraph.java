package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Experiments that read each other's results, run in dependency order: every experiment after
 * the experiments it reads from (its upstream). An experiment that others read from is skipped
 * when its store already holds complete results and none of its own upstream experiments ran in
 * this call; the experiments nobody reads from always run. Missing upstream experiments and cycles
 * are refused when the graph is built, naming the experiments.
 *
 * <p>Experiments are given as factories, called just before each runs (or is checked for
 * skipping): a data source reading an upstream experiment's artifacts finds that experiment's
 * latest complete version when it is made, so it must be made after the upstream ran.
 */
public final class ExperimentGraph {

    private final List<Node> order;
    private final Set<String> readFrom;

    private record Node(String name, Supplier<Experiment> factory, List<String> upstream) {
    }

    private ExperimentGraph(List<Node> order, Set<String> readFrom) {
        this.order = order;
        this.readFrom = readFrom;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The experiments' names in the order they run. */
    public List<String> order() {
        return order.stream().map(Node::name).toList();
    }

    /** Runs every experiment in order (see the class description for which are skipped). */
    public Outcome run() {
        return run(RunRequest.defaults());
    }

    /**
     * Runs every experiment in order with the request's cancellation, time limit (for the whole
     * graph) and resume setting: with resume, each experiment continues its interrupted version
     * when it has one with the same identity. The first execution that stops ends the graph: its
     * {@link ExecutionStoppedException} is thrown and no later experiment runs.
     *
     * @throws ConfigurationException when the request names treatments, hypotheses or replicates,
     *                                which belong to one experiment, not to a graph
     */
    public Outcome run(RunRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.treatments() != null || request.hypotheses() != null || request.replicates() != null) {
            throw new ConfigurationException("an experiment graph runs each experiment as configured: give its run "
                    + "request no treatments, hypotheses or replicates, or run that experiment by itself");
        }
        long start = System.nanoTime();
        Map<String, Result> results = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        Set<String> ran = new HashSet<>();
        for (Node node : order) {
            Experiment experiment = node.factory().get();
            if (experiment == null || !experiment.name().equals(node.name())) {
                throw new ConfigurationException("the factory of experiment '" + node.name() + "' in the graph made "
                        + (experiment == null ? "nothing" : "experiment '" + experiment.name() + "'")
                        + ": make it build the experiment it was added as");
            }
            boolean upstreamRan = node.upstream().stream().anyMatch(ran::contains);
            if (readFrom.contains(node.name()) && !upstreamRan && experiment.getPlugin(ArtifactStore.class)
                    .map(store -> store.hasCompleteResults(node.name())).orElse(false)) {
                skipped.add(node.name());
                continue;
            }
            RunRequest own = RunRequest.defaults().withCancellation(request.cancelled()).withResume(request.resume());
            if (request.timeLimit() != null) {
                long left = request.timeLimit().toNanos() - (System.nanoTime() - start);
                own = own.withTimeLimit(Duration.ofNanos(Math.max(1, left)));
            }
            results.put(node.name(), experiment.run(own));
            ran.add(node.name());
        }
        return new Outcome(Collections.unmodifiableMap(results), List.copyOf(skipped));
    }

    /**
     * What a graph run did.
     *
     * @param results the result of each experiment that ran, in the order they ran
     * @param skipped the experiments skipped because their complete results could be read
     */
    public record Outcome(Map<String, Result> results, List<String> skipped) {
    }

    /** Builds graphs; experiments may be added in any order. */
    public static final class Builder {
        private final Map<String, Node> nodes = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds an experiment built by {@code factory} (called when it is about to run), which
         * reads the results of the experiments named {@code upstream}.
         */
        public Builder add(String name, Supplier<Experiment> factory, String... upstream) {
            Objects.requireNonNull(factory, "factory");
            io.crystallize.base.Names.require("experiment", name);
            if (nodes.containsKey(name)) {
                throw new ConfigurationException("experiment '" + name + "' is in the graph twice: add it once");
            }
            nodes.put(name, new Node(name, factory, List.copyOf(Arrays.asList(upstream))));
            return this;
        }

        /** Adds an experiment built already (its data source must not depend on upstream results existing). */
        public Builder add(Experiment experiment, String... upstream) {
            return add(experiment.name(), () -> experiment, upstream);
        }

        /** Orders the graph. */
        public ExperimentGraph build() {
            List<String> names = new ArrayList<>(nodes.keySet());
            DependencyOrder<String> ordered = DependencyOrder.of(names, name -> nodes.get(name).upstream());
            List<String> problems = new ArrayList<>();
            ordered.missing().forEach((name, absent) -> problems.add("experiment '" + name + "' reads from "
                    + absent.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "))
                    + (absent.size() == 1 ? ", which is" : ", which are") + " not in the graph: add "
                    + (absent.size() == 1 ? "it" : "them") + " to the graph"));
            if (!ordered.cycle().isEmpty()) {
                problems.add("experiments " + ordered.cycle().stream().map(n -> "'" + n + "'")
                        .collect(Collectors.joining(" -> ")) + " read from each other in a cycle (each reads from the "
                        + "next), so none can run first: remove one of these upstream links");
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException(String.join("; ", problems));
            }
            Set<String> readFrom = new HashSet<>();
            nodes.values().forEach(node -> readFrom.addAll(node.upstream()));
            return new ExperimentGraph(ordered.order().stream().map(nodes::get).toList(), readFrom);
        }
    }
}
