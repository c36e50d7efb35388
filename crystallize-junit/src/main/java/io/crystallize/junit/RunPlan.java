package io.crystallize.junit;

import io.crystallize.core.Experiment;
import io.crystallize.core.RunRequest;
import io.crystallize.core.Treatment;
import io.crystallize.definition.ExperimentDefinition;
import io.crystallize.definition.HypothesisDeclaration;
import io.crystallize.hypothesis.Hypothesis;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an execution must run for the hypotheses selected in the test plan: the baseline plus the
 * union of their whole treatment families (so multiple-comparison corrections equal a full run's),
 * and only those hypotheses.
 */
final class RunPlan {

    private RunPlan() {
    }

    static RunRequest request(ExperimentDefinition definition, Experiment experiment,
            List<HypothesisDeclaration> selected) {
        if (selected.size() == definition.hypotheses().size()) {
            return RunRequest.defaults();
        }
        Set<String> treatments = new HashSet<>();
        Set<String> hypotheses = new HashSet<>();
        for (HypothesisDeclaration declaration : selected) {
            treatments.addAll(declaration.treatments());
            hypotheses.add(declaration.name());
        }
        List<Treatment> runTreatments = experiment.treatments().stream()
                .filter(t -> treatments.contains(t.name()))
                .toList();
        List<Hypothesis> runHypotheses = experiment.hypotheses().stream()
                .filter(h -> hypotheses.contains(h.name()))
                .toList();
        if (runHypotheses.size() != hypotheses.size() || runTreatments.size() != treatments.size()) {
            throw new IllegalStateException("the definition of " + definition.name() + " declares hypotheses "
                    + hypotheses + " over treatments " + treatments + ", but its experiment has hypotheses "
                    + experiment.hypotheses().stream().map(Hypothesis::name).toList() + " and treatments "
                    + experiment.treatments().stream().map(Treatment::name).toList()
                    + ": rebuild so the processor regenerates it");
        }
        return RunRequest.defaults().withTreatments(runTreatments).withHypotheses(runHypotheses);
    }
}
