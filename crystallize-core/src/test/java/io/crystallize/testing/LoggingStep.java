package io.crystallize.testing;

import io.crystallize.core.Context;
import io.crystallize.core.Resources;
import io.crystallize.core.Step;
import java.util.List;

/** Passes data on and logs setup, apply (with the run) and teardown into a shared log. */
public class LoggingStep implements Step<Object, Object> {

    private final String name;
    private final List<String> log;

    public LoggingStep(String name, List<String> log) {
        this.name = name;
        this.log = log;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void setup(Resources resources) throws Exception {
        log.add("setup " + name);
    }

    @Override
    public Object apply(Object input, Context context) throws Exception {
        log.add("apply " + name + " " + context.condition() + "_rep_" + context.replicate());
        return input;
    }

    @Override
    public void teardown(Resources resources) throws Exception {
        log.add("teardown " + name);
    }
}
