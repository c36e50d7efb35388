package io.crystallize.core;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs part of an execution on a daemon thread that the calling thread can wait for with a
 * timeout, and walk away from: a thread that never ends keeps no JVM from exiting. Threads are
 * pooled, so handing over costs microseconds per execution (not per run); an abandoned thread
 * simply never returns to the pool. The thread takes the caller's context class loader.
 */
final class Worker {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), body -> {
                Thread thread = new Thread(body, "crystallize-worker-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Thread thread;
    private volatile Throwable failure;

    private Worker() {
    }

    /** Starts {@code body} on a pooled daemon thread. */
    static Worker start(Runnable body) {
        Worker worker = new Worker();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        POOL.execute(() -> worker.run(body, loader));
        return worker;
    }

    private void run(Runnable body, ClassLoader loader) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        thread = current;
        try {
            body.run();
        } catch (Throwable e) { // handed to the caller, who rethrows it
            failure = e;
        } finally {
            thread = null;
            current.setContextClassLoader(previous);
            Thread.interrupted(); // an interrupt meant for this body must not reach the pool's next one
            done.countDown();
        }
    }

    /** Waits up to {@code nanos}; true once the body ended. */
    boolean await(long nanos) throws InterruptedException {
        return done.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Waits up to {@code nanos} whatever interrupts the caller (restoring its status); true once the body ended. */
    boolean awaitUninterruptibly(long nanos) {
        long until = System.nanoTime() + nanos;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.await(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Interrupts the thread while it runs the body. */
    void interrupt() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    /** What the body threw, once it ended; {@code null} if it returned. */
    Throwable failure() {
        return failure;
    }
}
