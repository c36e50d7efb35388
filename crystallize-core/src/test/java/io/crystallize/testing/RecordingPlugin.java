package io.crystallize.testing;

import io.crystallize.core.Context;
import io.crystallize.core.Execution;
import io.crystallize.core.Experiment;
import io.crystallize.core.Plugin;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records every hook call as a line like {@code beforeStep RecordStep baseline_rep_0}, into a shared log. */
public final class RecordingPlugin implements Plugin {

    private final List<String> log;

    public RecordingPlugin() {
        this(Collections.synchronizedList(new ArrayList<>()));
    }

    public RecordingPlugin(List<String> log) {
        this.log = log;
    }

    public List<String> log() {
        return log;
    }

    private static String run(Context context) {
        return context.condition() + "_rep_" + context.replicate();
    }

    @Override
    public void init(Experiment experiment) {
        log.add("init");
    }

    @Override
    public void beforeRun(Execution execution) {
        log.add("beforeRun");
    }

    @Override
    public void beforeReplicate(Context context) {
        log.add("beforeReplicate " + run(context));
    }

    @Override
    public void beforeStep(Step<?, ?> step, Context context) {
        log.add("beforeStep " + step.name() + " " + run(context));
    }

    @Override
    public void afterStep(Step<?, ?> step, Object output, Context context) {
        log.add("afterStep " + step.name() + " " + run(context));
    }

    @Override
    public void afterRun(Execution execution, Result result) {
        log.add("afterRun");
    }
}
