package io.crystallize.plugins;

import io.crystallize.core.Context;
import io.crystallize.core.Execution;
import io.crystallize.core.Plugin;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Reports the progress of long executions: runs done of the total, the rate, the time spent and
 * the estimated time left, as lines such as
 * {@code crystallize: CacheEviction 1200/40000 runs (3%), 410 runs/s, 2.9s elapsed, ETA 1m 35s}.
 *
 * <p>Throttled: nothing during the first {@value #QUIET_SECONDS} seconds of an execution (or the
 * interval, when shorter), then at most one line per interval, so executions shorter than that
 * print nothing at all. An execution that printed a line ends with a closing one saying how many
 * runs ran and failed. Failed runs count as done, so the count reaches the total. Warm-up runs
 * count too: they take time. {@code apply(...)} passes print nothing.
 */
public final class ProgressPlugin implements Plugin {

    /** Seconds of silence at the start of an execution. */
    public static final int QUIET_SECONDS = 2;

    /** The interval of {@link #ProgressPlugin()}. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private static final long QUIET_NANOS = Duration.ofSeconds(QUIET_SECONDS).toNanos();

    private final long intervalNanos;
    private final Consumer<String> sink;
    private final LongSupplier clock;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong nextReport = new AtomicLong();
    /** Per thread: the execution whose run it is in, until that run reaches its last step. */
    private final ThreadLocal<long[]> running = ThreadLocal.withInitial(() -> new long[] {-1});
    private final AtomicLong executions = new AtomicLong();
    private volatile long execution = -1;
    private volatile long total;
    private volatile long startNanos;
    private volatile boolean reported;
    private volatile String experiment = "";
    private volatile Step<?, ?> lastStep;

    /** Lines every {@link #DEFAULT_INTERVAL} on standard error. */
    public ProgressPlugin() {
        this(DEFAULT_INTERVAL, System.err::println);
    }

    /**
     * @param interval the least time between two lines; the first comes after it or after
     *                 {@value #QUIET_SECONDS} seconds, whichever is shorter
     * @param sink     receives each line
     */
    public ProgressPlugin(Duration interval, Consumer<String> sink) {
        this(interval, sink, System::nanoTime);
    }

    ProgressPlugin(Duration interval, Consumer<String> sink, LongSupplier clock) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("progress interval " + interval + " is negative: give zero or more");
        }
        this.intervalNanos = interval.toNanos();
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public void beforeRun(Execution run) {
        if (run.isSinglePass()) {
            execution = -1;
            return;
        }
        int warmups = run.experiment().options().warmupReplicates();
        total = (long) (run.replicates() + warmups) * run.conditions().size();
        experiment = run.experiment().name();
        List<Step<?, ?>> steps = run.experiment().pipeline().steps();
        lastStep = steps.get(steps.size() - 1);
        done.set(0);
        reported = false;
        startNanos = clock.getAsLong();
        nextReport.set(startNanos + Math.min(QUIET_NANOS, intervalNanos));
        execution = executions.incrementAndGet();
    }

    @Override
    public void beforeReplicate(Context context) {
        long current = execution;
        if (current < 0) {
            return;
        }
        long[] mine = running.get();
        if (mine[0] == current) {
            // this thread's previous run never reached the last step: it failed, and is done
            count();
        }
        mine[0] = current;
    }

    @Override
    public void afterStep(Step<?, ?> step, Object output, Context context) {
        if (step != lastStep || execution < 0) {
            return;
        }
        running.get()[0] = -1;
        count();
    }

    private void count() {
        long finished = done.incrementAndGet();
        long now = clock.getAsLong();
        long next = nextReport.get();
        if (now >= next && nextReport.compareAndSet(next, now + intervalNanos)) {
            reported = true;
            sink.accept(line(finished, now));
        }
    }

    /** A closing line, after an execution that printed progress: how many runs ran and failed. */
    @Override
    public void afterRun(Execution run, Result result) {
        if (run.isSinglePass() || execution < 0) {
            return;
        }
        execution = -1;
        if (!run.isCancelled()) {
            done.set(total); // the last run of each thread, when it failed, was not counted yet
        }
        if (!reported) {
            return;
        }
        double elapsed = (clock.getAsLong() - startNanos) / 1e9;
        sink.accept(String.format(Locale.ROOT, "crystallize: %s finished %d runs (%d failed) in %s",
                experiment, total, result.errors().size(), duration(elapsed)));
    }

    /** "name done/total runs (p%), rate, elapsed, ETA". */
    String line(long finished, long now) {
        double elapsed = (now - startNanos) / 1e9;
        double rate = elapsed > 0 ? finished / elapsed : Double.NaN;
        String eta = rate > 0 ? duration((total - finished) / rate) : "unknown";
        return String.format(Locale.ROOT, "crystallize: %s %d/%d runs (%.0f%%), %s runs/s, %s elapsed, ETA %s",
                experiment, finished, total, 100.0 * finished / Math.max(1, total), rate(rate), duration(elapsed), eta);
    }

    private static String rate(double perSecond) {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            return "?";
        }
        return perSecond >= 100 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.3g", perSecond);
    }

    /** "4.2s", "3m 05s", "2h 01m". */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
    }

    /** Runs done (completed or failed) in the current or last execution. */
    public long done() {
        return done.get();
    }
}
