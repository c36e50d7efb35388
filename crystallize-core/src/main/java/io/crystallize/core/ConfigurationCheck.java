package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import io.crystallize.hypothesis.Hypothesis;
import java.util.ArrayList;
import java.util.List;

/**
 * Every configuration problem of an execution, found before anything runs: replicates and their
 * bounds, treatment names and literal overrides (with a "did you mean"), hypotheses and the
 * treatments they name.
 */
final class ConfigurationCheck {

    private ConfigurationCheck() {
    }

    /**
     * @param withBaseline whether the execution runs the baseline too (it counts as a condition)
     */
    static List<String> problems(Experiment experiment, List<Treatment> treatments, List<Hypothesis> hypotheses,
            int replicates, boolean withBaseline) {
        List<String> problems = new ArrayList<>();
        if (replicates < 1) {
            problems.add("replicates must be at least 1, got " + replicates);
        }
        List<String> names = treatments(experiment, treatments, problems);
        List<String> hypothesisNames = new ArrayList<>();
        for (Hypothesis h : hypotheses) {
            if (h == null) {
                problems.add("a hypothesis is null");
                continue;
            }
            if (hypothesisNames.contains(h.name())) {
                problems.add("hypothesis '" + h.name() + "' is declared twice: hypothesis names must be unique");
            }
            hypothesisNames.add(h.name());
            problems.addAll(h.problems(names));
        }
        RunBounds.check(problems, replicates, experiment.options().warmupReplicates(),
                treatments.size() + (withBaseline ? 1 : 0), Runtime.getRuntime().maxMemory());
        return problems;
    }

    private static List<String> treatments(Experiment experiment, List<Treatment> treatments, List<String> problems) {
        List<String> names = new ArrayList<>();
        for (Treatment t : treatments) {
            if (t == null) {
                problems.add("a treatment is null");
                continue;
            }
            if (names.contains(t.name())) {
                problems.add("treatment '" + t.name() + "' is declared twice: treatment names must be unique");
            } else {
                // names become directories: two that differ only in case are one on macOS and Windows
                String clash = Names.caseClash("treatment", t.name(), names);
                if (clash != null) {
                    problems.add(clash);
                }
            }
            names.add(t.name());
            t.overrides().forEach((key, value) -> {
                try {
                    experiment.parameters().coerce(t.name(), key, value);
                } catch (ConfigurationException e) {
                    problems.addAll(e.problems());
                }
            });
        }
        return names;
    }

    static void require(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
