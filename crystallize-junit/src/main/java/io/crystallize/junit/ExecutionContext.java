package io.crystallize.junit;

import io.crystallize.core.Result;
import io.crystallize.definition.ExperimentDefinition;
import io.crystallize.report.Report;
import java.util.Set;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What nodes need while executing: the configuration, the listener for report and file entries,
 * JUnit's cancellation (JUnit 6 only), the experiments executed so far, the report of the run, and
 * below an experiment node the result of its execution.
 */
final class ExecutionContext implements EngineExecutionContext {

    private final EngineConfiguration configuration;
    private final EngineExecutionListener listener;
    private final PlatformCancellation cancellation;
    private final Set<Class<?>> executed;
    private final Report report;
    private final ExperimentRun run;

    ExecutionContext(EngineConfiguration configuration, EngineExecutionListener listener,
            PlatformCancellation cancellation, Set<Class<?>> executed, Report report, ExperimentRun run) {
        this.configuration = configuration;
        this.listener = listener;
        this.cancellation = cancellation;
        this.executed = executed;
        this.report = report;
        this.run = run;
    }

    EngineConfiguration configuration() {
        return configuration;
    }

    EngineExecutionListener listener() {
        return listener;
    }

    PlatformCancellation cancellation() {
        return cancellation;
    }

    /** Experiment classes whose execution finished in this engine run (thread-safe set). */
    Set<Class<?>> executed() {
        return executed;
    }

    /** The report of this engine run: every experiment executed, written when the run ends. */
    Report report() {
        return report;
    }

    /** The experiment's execution, for the nodes below an experiment node. */
    ExperimentRun run() {
        if (run == null) {
            throw new IllegalStateException("no experiment has run for this node");
        }
        return run;
    }

    boolean hasRun() {
        return run != null;
    }

    ExecutionContext withRun(ExperimentRun value) {
        return new ExecutionContext(configuration, listener, cancellation, executed, report, value);
    }

    /** One experiment's definition and the result of its execution. */
    record ExperimentRun(ExperimentDefinition definition, Result result) {
    }
}
