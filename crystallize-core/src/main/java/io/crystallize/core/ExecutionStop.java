package io.crystallize.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Whether, and why, an execution stops before all its runs are done. The first reason found wins;
 * once stopped, no run starts. Checking costs a volatile read when nothing is set, so it is done
 * before every run.
 */
final class ExecutionStop {

    enum Reason { CANCELLED, TIME_LIMIT, INTERRUPTED, OUT_OF_MEMORY }

    /** No run: the stop came from outside the runs (the deadline, the cancellation, the caller). */
    static final int NO_RUN = -1;

    private final BooleanSupplier cancellation;
    private final Duration limit;
    private final long deadline;
    private final AtomicInteger outOfMemory = new AtomicInteger();
    private volatile Reason reason;
    // written once, before reason (which publishes them)
    private int task = NO_RUN;
    private String step;
    private Throwable cause;
    private List<Thread> interruptedThreads; // where interrupts were found and cleared

    ExecutionStop(BooleanSupplier cancellation, Duration limit) {
        this.cancellation = cancellation;
        this.limit = limit;
        this.deadline = limit == null ? 0 : System.nanoTime() + limit.toNanos();
    }

    /** An execution that only stops for interrupts and for running out of memory twice ({@code apply}). */
    static ExecutionStop none() {
        return new ExecutionStop(RunRequest.NOT_CANCELLED, null);
    }

    boolean isStopped() {
        return reason != null;
    }

    Reason reason() {
        return reason;
    }

    /** Polls the deadline and the cancellation; true once the execution must stop. */
    boolean check() {
        if (reason != null) {
            return true;
        }
        if (limit != null && nanosLeft() <= 0) {
            stop(Reason.TIME_LIMIT, NO_RUN, null, null);
            return true;
        }
        if (cancellation != RunRequest.NOT_CANCELLED) {
            boolean cancelled;
            try {
                cancelled = cancellation.getAsBoolean();
            } catch (RuntimeException e) {
                stop(Reason.CANCELLED, NO_RUN, null, e); // a broken cancellation must not keep runs going
                return true;
            }
            if (cancelled) {
                stop(Reason.CANCELLED, NO_RUN, null, null);
                return true;
            }
        }
        return false;
    }

    boolean hasLimit() {
        return limit != null;
    }

    /** Time left before the deadline; {@link Long#MAX_VALUE} without a limit. */
    long nanosLeft() {
        return limit == null ? Long.MAX_VALUE : deadline - System.nanoTime();
    }

    /** A thread running the execution was interrupted: in run {@code task}, or ({@link #NO_RUN}) while it waited for runs. */
    void interrupted(int task, String step, Throwable interruption, Thread on) {
        synchronized (this) {
            if (interruptedThreads == null) {
                interruptedThreads = new ArrayList<>(2);
            }
            interruptedThreads.add(on);
        }
        stop(Reason.INTERRUPTED, task, step, interruption);
    }

    /**
     * Run {@code task} ran out of memory; true when that makes the execution stop (it happened
     * before in this execution). Allocates nothing: it is called when memory is short.
     */
    boolean outOfMemory(int task, String step, OutOfMemoryError error) {
        // an array longer than the VM allows fails whatever memory is free: the JVM can go on
        String message = error.getMessage();
        if (message != null && message.startsWith("Requested array size exceeds VM limit")
                || outOfMemory.incrementAndGet() < 2) {
            return false;
        }
        stop(Reason.OUT_OF_MEMORY, task, step, error);
        return true;
    }

    /** Stops for running out of memory at once: the failure of run {@code task} could not even be recorded. */
    void outOfMemoryNow(int task, String step, Throwable error) {
        outOfMemory.incrementAndGet();
        stop(Reason.OUT_OF_MEMORY, task, step, error);
    }

    private synchronized void stop(Reason why, int run, String inStep, Throwable because) {
        if (reason != null) {
            return;
        }
        task = run;
        step = inStep;
        cause = because;
        reason = why;
    }

    /** The run that made the execution stop, or {@link #NO_RUN}. */
    int task() {
        return task;
    }

    /** The step of the run that made the execution stop, if known. */
    String step() {
        return step;
    }

    Throwable cause() {
        return cause;
    }

    /**
     * True when the calling thread's interrupt status must be set again before {@code run(...)}
     * returns: an interrupt was found on it, whatever stopped the execution first.
     */
    synchronized boolean interruptedOn(Thread caller) {
        return interruptedThreads != null && interruptedThreads.contains(caller);
    }

    /** Forgets the interrupts found on {@code thread}: the execution's own cancellation sent them. */
    synchronized void forgetInterruptsOn(Thread thread) {
        if (interruptedThreads != null) {
            interruptedThreads.removeIf(t -> t == thread);
        }
    }

    /**
     * What a run that ended by interruption after the stop records: the stop's reason, with the
     * run's own failure as cause.
     */
    Throwable stoppedRun(String run, String inStep, Throwable own) {
        Throwable why = switch (reason) {
            case TIME_LIMIT -> new java.util.concurrent.TimeoutException("run " + run + " was stopped by the time limit of "
                    + limit + (inStep == null ? "" : " in step '" + inStep + "'"));
            case CANCELLED -> new java.util.concurrent.CancellationException("run " + run
                    + " was stopped when the execution was cancelled" + (inStep == null ? "" : " in step '" + inStep + "'"));
            default -> null;
        };
        if (why == null) {
            return own;
        }
        why.initCause(own);
        return why;
    }

    /** What a run left running records: why it was abandoned, with the stack its thread was at. */
    Throwable abandonedRun(String run, String inStep, StackTraceElement[] stack) {
        String where = inStep == null ? "" : " in step '" + inStep + "'";
        Throwable why = switch (reason) {
            case TIME_LIMIT -> new java.util.concurrent.TimeoutException("run " + run + " did not end within the time limit of "
                    + limit + " and a grace second after it, and was abandoned" + where);
            case CANCELLED -> new java.util.concurrent.CancellationException("run " + run
                    + " did not end when the execution was cancelled, and was abandoned" + where);
            case INTERRUPTED -> new InterruptedException("run " + run
                    + " did not end when the execution was interrupted, and was abandoned" + where);
            case OUT_OF_MEMORY -> new IllegalStateException("run " + run
                    + " did not end when the execution ran out of memory, and was abandoned" + where);
        };
        why.setStackTrace(stack);
        return why;
    }

    /**
     * How far a stopped execution got.
     *
     * @param runs           measured runs of the execution (warm-ups excluded)
     * @param finished       measured runs that ended, failed ones included
     * @param notStarted     measured runs that never started
     * @param abandoned      keys of the runs left running, warm-ups included (negative replicates)
     * @param abandonedSetup the step whose setup was left running, or {@code null}
     */
    record Progress(int runs, int finished, int notStarted, List<String> abandoned, String abandonedSetup) {
    }

    /** The exception {@code run(...)} throws once the plugins had the partial result; {@code names} gives a task's run key. */
    ExecutionStoppedException exception(String experiment, Result partial, Progress how, IntFunction<String> names) {
        List<String> abandoned = how.abandoned();
        String progress = "; " + how.finished() + " of " + how.runs() + " runs finished and were kept"
                + (abandoned.isEmpty() ? "" : ", abandoned (still running): " + String.join(", ", abandoned))
                + (how.abandonedSetup() == null ? "" : ", abandoned in the setup of step '" + how.abandonedSetup() + "'")
                + (how.notStarted() > 0 ? ", " + how.notStarted() + " not started" : "");
        String inRun = task == NO_RUN ? "" : " in run " + names.apply(task) + (step == null ? "" : " (step '" + step + "')");
        return switch (reason) {
            case TIME_LIMIT -> new TimeLimitExceededException("execution of '" + experiment + "' exceeded its time limit of "
                    + limit + progress, limit, partial, abandoned);
            case CANCELLED -> new ExecutionCancelledException("execution of '" + experiment + "' was cancelled" + progress,
                    cause, partial, abandoned);
            case INTERRUPTED -> new ExecutionCancelledException("execution of '" + experiment + "' was interrupted"
                    + (task == NO_RUN ? " while waiting for its runs" : inRun) + progress, cause, partial, abandoned);
            case OUT_OF_MEMORY -> new ExecutionAbortedException("execution of '" + experiment + "' was aborted: it ran out of "
                    + "memory a second time" + inRun + ", so no further run started" + progress, cause, partial, abandoned);
        };
    }
}
