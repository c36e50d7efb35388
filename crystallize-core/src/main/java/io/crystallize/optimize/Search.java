package io.crystallize.optimize;

import io.crystallize.core.Objective;
import io.crystallize.core.Optimizer;
import io.crystallize.core.Treatment;
import java.util.ArrayList;
import java.util.List;

/** Bookkeeping shared by the search optimizers: the trials told and the best one. */
abstract class Search implements Optimizer {

    private final Objective objective;
    private final List<Treatment> told = new ArrayList<>();
    private Treatment best;
    private double bestValue = Double.NaN;

    Search(Objective objective) {
        this.objective = objective;
    }

    @Override
    public final void tell(Treatment treatment, double value) {
        told.add(treatment);
        if (!Double.isNaN(value) && (best == null || objective.better(value, bestValue))) {
            best = treatment;
            bestValue = value;
        }
    }

    @Override
    public final Treatment best() {
        if (best == null) {
            throw new IllegalStateException("no trial has been told a score yet");
        }
        return best;
    }

    /** The best score told so far. */
    public final double bestValue() {
        return bestValue;
    }

    @Override
    public final Objective objective() {
        return objective;
    }

    final int trials() {
        return told.size();
    }
}
