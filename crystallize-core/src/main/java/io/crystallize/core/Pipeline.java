package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The ordered steps every run goes through. Never empty; step names are unique. */
public final class Pipeline {

    private final List<Step<?, ?>> steps;

    private Pipeline(List<Step<?, ?>> steps) {
        if (steps.isEmpty()) {
            throw new ConfigurationException("pipeline has no steps: add at least one step");
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step<?, ?> step = steps.get(i);
            if (step == null) {
                problems.add("pipeline step " + i + " is null");
                continue;
            }
            String problem = Names.problem("step", step.name());
            if (problem != null) {
                problems.add(problem + " — give it a name with Step.of(name, ...) or override name()");
            } else if (seen.contains(step.name())) {
                problems.add("step name '" + step.name() + "' is used twice in the pipeline: step names must be unique");
            } else {
                String clash = Names.caseClash("step", step.name(), seen);
                if (clash != null) {
                    problems.add(clash);
                }
                seen.add(step.name());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        this.steps = List.copyOf(steps);
    }

    public static Pipeline of(Step<?, ?>... steps) {
        return new Pipeline(Arrays.asList(steps));
    }

    public static Pipeline of(List<? extends Step<?, ?>> steps) {
        return new Pipeline(new ArrayList<>(steps));
    }

    public List<Step<?, ?>> steps() {
        return steps;
    }

    /** Declared parameters of all steps. */
    Parameters parameters() {
        Parameters all = Parameters.none();
        for (Step<?, ?> step : steps) {
            all = all.plus(step.parameters());
        }
        return all;
    }
}
