package io.crystallize.core;

import java.util.List;

/**
 * The once-per-execution part of the steps: {@code setup} in pipeline order before any run, and
 * {@code teardown} of every step whose setup was called, also after failures. A failing teardown
 * never hides the execution's own failure, nor loses a result already written.
 */
final class StepLifecycle {

    private final String experiment;
    private final List<Step<?, ?>> steps;
    private final Resources resources = new Resources();
    private volatile int setUp;
    private volatile boolean settingUp;

    StepLifecycle(String experiment, List<Step<?, ?>> steps) {
        this.experiment = experiment;
        this.steps = steps;
    }

    Resources resources() {
        return resources;
    }

    /** Sets up every step; a checked failure becomes a {@link PluginException} naming the step. */
    void setUp() {
        settingUp = true;
        try {
            for (Step<?, ?> step : steps) {
                setUp++;
                try {
                    step.setup(resources);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new PluginException("setup of step '" + step.name() + "' failed: " + e, e);
                }
            }
        } finally {
            settingUp = false;
        }
    }

    /** The step whose setup is running, or {@code null}: where a set-up left running is. */
    String settingUp() {
        int n = setUp;
        return settingUp && n > 0 ? steps.get(n - 1).name() : null;
    }

    /**
     * Tears down the steps that were set up.
     *
     * @param primary the execution's own failure, which a teardown failure is added to; or
     *                {@code null}, and then a teardown failure is thrown carrying {@code result}
     */
    void tearDown(Throwable primary, Result result) {
        Throwable failure = null;
        String failedStep = null;
        int n = setUp;
        for (int i = 0; i < n; i++) {
            Step<?, ?> step = steps.get(i);
            try {
                step.teardown(resources);
            } catch (Throwable e) {
                if (failure == null) {
                    failure = e;
                    failedStep = step.name();
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure == null) {
            return;
        }
        if (primary != null) {
            primary.addSuppressed(failure);
        } else {
            throw new TeardownException("teardown of step '" + failedStep + "' failed after the execution of '"
                    + experiment + "' completed; its results were recorded and written", failure, result);
        }
    }
}
