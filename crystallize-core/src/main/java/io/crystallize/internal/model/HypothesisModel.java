package io.crystallize.internal.model;

import io.crystallize.annotation.StatisticalTest;
import io.crystallize.hypothesis.Aggregate;
import io.crystallize.hypothesis.Direction;
import io.crystallize.hypothesis.Expectation;
import java.util.List;

/**
 * A {@code @Hypothesis} method with its attributes as written ({@code alpha} may be
 * {@link io.crystallize.annotation.Hypothesis#UNSET_ALPHA}; empty {@code treatments} means all;
 * {@code deterministic} as declared;
 * {@code binary}: the metrics are declared 0/1).
 */
public record HypothesisModel(String name, List<String> metrics, Expectation.Kind expect, Direction direction,
        StatisticalTest test, double alpha, double margin, boolean relative, List<String> treatments,
        Aggregate aggregate, boolean deterministic, MethodModel method, boolean binary) {

    public HypothesisModel {
        metrics = List.copyOf(metrics);
        treatments = List.copyOf(treatments);
    }

    /** True for the custom-verifier form: the method decides the verdict. */
    public boolean isCustomVerifier() {
        return method.returnType().erasure().equals("io.crystallize.hypothesis.Verdict");
    }

    /** The treatments covered, resolved against the declared ones. */
    public List<String> coveredTreatments(List<String> declared) {
        return treatments.isEmpty() ? List.copyOf(declared) : treatments;
    }
}
