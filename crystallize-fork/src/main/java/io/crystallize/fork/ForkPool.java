package io.crystallize.fork;

import io.crystallize.base.ConfigurationException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Worker JVMs that serve one execution after another, so that an engine run of many experiments
 * (or a program running one experiment repeatedly) pays the start of its forks once. The forks
 * start when the pool does, booting while the caller prepares its first execution; an execution
 * run through {@link ForkedExecution#ForkedExecution(ForkPool, ExperimentSource)} borrows them,
 * has each rebuild its experiment and set its steps up, and gives them back with the steps torn
 * down. A fork that died is replaced by a new one the next time a fork is needed; fresh forks
 * ({@link ForkedExecution#withFreshForks(int)}) exit after their share of runs, and their
 * replacements start at once, so they boot while the runs before them go on.
 *
 * <p>Thread-safe. {@link #close()} ends every fork; forks still lent to an execution end when it
 * gives them back.
 */
public final class ForkPool implements AutoCloseable {

    private final int size;
    private final List<String> jvmOptions;
    private final Deque<Fork> idle = new ArrayDeque<>();
    private final List<Fork> all = new ArrayList<>();
    private int live;
    private int numbers;
    private boolean closed;

    private ForkPool(int size, List<String> jvmOptions) {
        if (size < 1) {
            throw new ConfigurationException("a fork pool needs at least 1 fork, got " + size
                    + ": give a positive number of child JVMs, or leave forking out to run in this JVM");
        }
        this.size = size;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Starts {@code size} worker JVMs with {@code java} from {@code java.home}, this JVM's class
     * path and {@code jvmOptions} (e.g. {@code -Xmx1g}); they boot in the background.
     *
     * @throws java.io.UncheckedIOException when a JVM cannot be started
     */
    public static ForkPool start(int size, List<String> jvmOptions) {
        ForkPool pool = new ForkPool(size, jvmOptions);
        pool.fill(size);
        return pool;
    }

    /** A pool that starts its forks when they are first needed, at most {@code size}. */
    static ForkPool lazy(int size, List<String> jvmOptions) {
        return new ForkPool(size, jvmOptions);
    }

    /** How many forks run at once. */
    public int size() {
        return size;
    }

    /** The options the forks are started with. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** Starts forks until {@code count} live (at most the pool's size). */
    synchronized void fill(int count) {
        while (!closed && live < Math.min(count, size)) {
            idle.addLast(launch());
        }
    }

    /**
     * A fork for the caller alone, started if none is idle; waits while all are lent.
     *
     * @throws IllegalStateException when the pool is closed
     */
    synchronized Fork acquire() throws InterruptedException {
        while (true) {
            if (closed) {
                throw new IllegalStateException("the fork pool is closed: open a new one for further executions");
            }
            Fork fork = idle.pollFirst();
            if (fork != null) {
                if (fork.alive()) {
                    return fork;
                }
                forget(fork);
                continue;
            }
            if (live < size) {
                return launch();
            }
            wait();
        }
    }

    /** Gives back a fork whose execution ended cleanly; it waits for the next execution. */
    synchronized void release(Fork fork) {
        if (closed || !fork.end()) {
            forget(fork);
            fork.kill();
        } else {
            idle.addFirst(fork); // the warmest fork first
        }
        notifyAll();
    }

    /**
     * Ends a fork that must not serve another execution: one that died, was killed, or (fresh
     * forks) ran its share. With {@code replace}, a new fork starts at once in its place.
     */
    void retire(Fork fork, boolean replace) {
        fork.close(); // asks it to exit, kills it when it does not
        synchronized (this) {
            forget(fork);
            if (replace) {
                fill(live + 1);
            }
            notifyAll();
        }
    }

    /** Ends every fork (those still lent end when given back). */
    @Override
    public void close() {
        List<Fork> ending;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            ending = new ArrayList<>(idle);
            idle.clear();
            notifyAll();
        }
        ending.forEach(Fork::close);
    }

    private Fork launch() {
        try {
            Fork fork = Fork.launch(++numbers, jvmOptions);
            live++;
            all.add(fork);
            return fork;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("a forked worker could not be started (" + e.getMessage()
                    + "): check that " + System.getProperty("java.home") + " holds bin/java", e);
        }
    }

    private void forget(Fork fork) {
        if (all.remove(fork)) {
            live--;
        }
    }
}
