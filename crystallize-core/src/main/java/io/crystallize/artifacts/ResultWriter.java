package io.crystallize.artifacts;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes executions' results on a background thread, in the order they finish, so that the next
 * experiment runs while the last one's files are written (how the JUnit engine stores results).
 * {@link #await()} waits for everything handed over and reports every write that failed; a
 * failed write leaves its version without completion markers, as a crash would. At most
 * {@value #PENDING} results wait at a time: when the writer is that far behind, the caller writes
 * its own result (out of order with those waiting), so a slow disk holds the runs back instead of
 * the heap filling with results, and the caller's core does not idle meanwhile.
 *
 * <p>Results handed over wait until {@value #BATCH} have gathered, about {@value #LINGER_MILLIS} ms
 * have passed or someone awaits them: on a two-core machine, waking the writer for every short
 * experiment cost the caller about as much as writing the files itself.
 */
public final class ResultWriter implements AutoCloseable {

    static final int PENDING = 8;
    static final int BATCH = 4;
    static final long LINGER_MILLIS = 20;

    /** One version's files. */
    interface Write {
        void run() throws IOException;
    }

    private record Handed(String what, Write write) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    /** The writer has work: a batch gathered, someone awaits, or the writer is closing. */
    private final Condition work = lock.newCondition();
    /** A write finished: room in the queue, or everything written. */
    private final Condition written = lock.newCondition();
    private final ArrayDeque<Handed> queue = new ArrayDeque<>();
    private final List<IOException> failures = new ArrayList<>();
    /** Handed over and not yet written (queued or being written). */
    private int pending;
    private int awaiting;
    private boolean closing;
    private Thread thread;

    void submit(String what, Write write) {
        lock.lock();
        try {
            if (closing) {
                throw new IllegalStateException("this result writer is closed; the results of " + what
                        + " were handed to it afterwards");
            }
            if (pending < PENDING) {
                if (thread == null) {
                    thread = new Thread(this::writeUntilClosed, "crystallize-result-writer");
                    thread.setDaemon(true);
                    thread.start();
                }
                queue.add(new Handed(what, write));
                pending++;
                if (queue.size() == BATCH) {
                    work.signal();
                }
                return;
            }
        } finally {
            lock.unlock();
        }
        // the writer is behind: the caller writes its own result (instead of waiting, idle)
        IOException failure = write(new Handed(what, write));
        if (failure != null) {
            lock.lock();
            try {
                failures.add(failure);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits until everything handed over so far is written.
     *
     * @throws IOException naming each execution whose results could not be written (the first
     *                     as the exception, the others suppressed)
     */
    public void await() throws IOException {
        List<IOException> failed;
        lock.lock();
        try {
            awaiting++;
            work.signal();
            try {
                while (pending > 0) {
                    written.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + pending + " results to be written");
            } finally {
                awaiting--;
            }
            failed = new ArrayList<>(failures);
            failures.clear();
        } finally {
            lock.unlock();
        }
        if (!failed.isEmpty()) {
            IOException first = failed.get(0);
            failed.subList(1, failed.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** Waits for every write, then stops the thread. */
    @Override
    public void close() throws IOException {
        try {
            await();
        } finally {
            lock.lock();
            try {
                closing = true;
                work.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    private void writeUntilClosed() {
        List<Handed> batch = new ArrayList<>(PENDING);
        while (takeBatch(batch)) {
            for (Handed h : batch) {
                IOException failure = write(h);
                lock.lock();
                try {
                    if (failure != null) {
                        failures.add(failure);
                    }
                    pending--;
                    written.signalAll();
                } finally {
                    lock.unlock();
                }
            }
            batch.clear();
        }
    }

    /** Waits for a batch, a lingering one, an await or the close; false once closing with nothing left. */
    private boolean takeBatch(List<Handed> batch) {
        lock.lock();
        try {
            while (queue.isEmpty() || queue.size() < BATCH && awaiting == 0 && !closing) {
                if (queue.isEmpty() && closing) {
                    return false;
                }
                boolean lingered = awaitWork() <= 0;
                if (lingered && !queue.isEmpty()) {
                    break;
                }
            }
            batch.addAll(queue);
            queue.clear();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private long awaitWork() {
        try {
            return work.awaitNanos(TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS));
        } catch (InterruptedException e) {
            return 0; // a daemon nobody interrupts; if someone does, write what is there
        }
    }

    private static IOException write(Handed h) {
        try {
            h.write().run();
            return null;
        } catch (Throwable e) { // recorded, so await() names it; the writer goes on with the next
            return new IOException("the results of " + h.what() + " could not be written: " + e, e);
        }
    }
}
