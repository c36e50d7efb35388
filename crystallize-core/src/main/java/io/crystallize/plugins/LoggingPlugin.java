package io.crystallize.plugins;

import io.crystallize.core.Context;
import io.crystallize.core.Execution;
import io.crystallize.core.Plugin;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Logs the lifecycle through {@link System.Logger} ({@code io.crystallize}): executions at INFO, steps at DEBUG. */
public final class LoggingPlugin implements Plugin {

    private final Logger logger;

    public LoggingPlugin() {
        this(System.getLogger("io.crystallize"));
    }

    public LoggingPlugin(Logger logger) {
        this.logger = logger;
    }

    @Override
    public void beforeRun(Execution execution) {
        logger.log(Level.INFO, () -> "experiment " + execution.experiment().name() + ": " + execution.replicates()
                + " replicates x conditions " + execution.conditions());
    }

    @Override
    public void beforeStep(Step<?, ?> step, Context context) {
        logger.log(Level.DEBUG, () -> context + " step " + step.name());
    }

    @Override
    public void afterRun(Execution execution, Result result) {
        logger.log(Level.INFO, () -> "experiment " + execution.experiment().name() + " done: "
                + result.errors().size() + " failed runs, " + result.hypotheses().size() + " hypotheses verified");
        result.hypotheses().forEach(h -> h.verdicts().forEach(v -> logger.log(Level.INFO, v.message())));
    }
}
