package io.crystallize.artifacts;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Writes executions' results on one background thread, in the order they finish, so that the next
 * experiment runs while the last one's files are written (how the JUnit engine stores results).
 * {@link #await()} waits for everything handed over and reports every write that failed; a
 * failed write leaves its version without completion markers, as a crash would. At most
 * {@value #PENDING} results wait at a time: a slow disk holds the runs back instead of the heap
 * filling with results.
 */
public final class ResultWriter implements AutoCloseable {

    static final int PENDING = 8;

    /** One version's files. */
    interface Write {
        void run() throws IOException;
    }

    private record Handed(String what, Future<?> done) {
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "crystallize-result-writer");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore room = new Semaphore(PENDING);
    private final List<Handed> handed = new ArrayList<>();

    void submit(String what, Write write) throws InterruptedIOException {
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to write the results of " + what);
        }
        Future<?> done;
        try {
            done = thread.submit(() -> {
                try {
                    write.run();
                    return null;
                } finally {
                    room.release();
                }
            });
        } catch (RuntimeException e) {
            room.release();
            throw e;
        }
        synchronized (handed) {
            handed.add(new Handed(what, done));
        }
    }

    /**
     * Waits until everything handed over so far is written.
     *
     * @throws IOException naming each execution whose results could not be written (the first
     *                     as the exception, the others suppressed)
     */
    public void await() throws IOException {
        List<Handed> waiting;
        synchronized (handed) {
            waiting = new ArrayList<>(handed);
            handed.clear();
        }
        IOException failure = null;
        for (Handed h : waiting) {
            try {
                h.done().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the results of " + h.what());
            } catch (ExecutionException e) {
                IOException failed = new IOException("the results of " + h.what() + " could not be written: "
                        + e.getCause(), e.getCause());
                if (failure == null) {
                    failure = failed;
                } else {
                    failure.addSuppressed(failed);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits for every write, then stops the thread. */
    @Override
    public void close() throws IOException {
        try {
            await();
        } finally {
            thread.shutdown();
        }
    }
}
