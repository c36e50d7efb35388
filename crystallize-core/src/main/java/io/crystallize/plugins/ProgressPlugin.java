package io.crystallize.plugins;

import io.crystallize.core.Context;
import io.crystallize.core.Execution;
import io.crystallize.core.Plugin;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reports progress of long executions: runs done of the total and the estimated time left, at
 * most once per interval, to a sink (default: standard error).
 */
public final class ProgressPlugin implements Plugin {

    private final Duration interval;
    private final Consumer<String> sink;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong();
    private volatile long total;
    private volatile long startNanos;
    private volatile String lastStep = "";

    public ProgressPlugin() {
        this(Duration.ofSeconds(5), System.err::println);
    }

    public ProgressPlugin(Duration interval, Consumer<String> sink) {
        this.interval = interval;
        this.sink = sink;
    }

    @Override
    public void beforeRun(Execution execution) {
        total = (long) execution.replicates() * execution.conditions().size();
        done.set(0);
        startNanos = System.nanoTime();
        lastReport.set(startNanos);
        java.util.List<Step<?, ?>> steps = execution.experiment().pipeline().steps();
        lastStep = steps.get(steps.size() - 1).name();
    }

    @Override
    public void afterStep(Step<?, ?> step, Object output, Context context) {
        if (!step.name().equals(lastStep) || context.replicate() < 0) {
            return;
        }
        long finished = done.incrementAndGet();
        long now = System.nanoTime();
        long last = lastReport.get();
        if ((now - last >= interval.toNanos() || finished == total) && lastReport.compareAndSet(last, now)) {
            sink.accept(line(finished, now));
        }
    }

    /**
     * A closing line: runs that fail never reach the last step, so the running count can stop short
     * of the total; this says how many ran and failed.
     */
    @Override
    public void afterRun(Execution execution, Result result) {
        if (execution.isSinglePass()) {
            return;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        sink.accept(String.format(Locale.ROOT, "crystallize: %s finished %d runs (%d failed) in %.1fs",
                execution.experiment().name(), total, result.errors().size(), elapsed));
    }

    /** "done/total runs (p%), elapsed, ETA". */
    String line(long finished, long now) {
        double elapsed = (now - startNanos) / 1e9;
        double eta = finished == 0 ? Double.NaN : elapsed / finished * (total - finished);
        return String.format(Locale.ROOT, "crystallize: %d/%d runs (%.0f%%), %.1fs elapsed, ETA %.1fs",
                finished, total, 100.0 * finished / Math.max(1, total), elapsed, eta);
    }

    /** Runs completed in the current execution. */
    public long done() {
        return done.get();
    }
}
