package io.crystallize.fork;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.RunTask;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One worker JVM, seen from the parent: started with {@code java} from {@code java.home}, the
 * parent's class path and the user's JVM options; its standard error is copied line by line to
 * the parent's, prefixed with the fork's number, and the last lines are kept to say why it died.
 */
final class Fork implements AutoCloseable {

    private static final int KEPT_LINES = 5;

    private final int number;
    private final Process process;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread errors;
    private final List<String> jvmOptions;
    private long pid;
    private int opened;
    private volatile String stray;

    private Fork(int number, Process process, List<String> jvmOptions) {
        this.number = number;
        this.process = process;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        this.pid = process.pid();
        this.errors = new Thread(this::copyErrors, "crystallize-fork-" + number + "-stderr");
        errors.setDaemon(true);
        errors.start();
    }

    /**
     * Starts worker {@code number}: a JVM that boots while the caller goes on, and serves the
     * executions {@link #open opened} in it one after another.
     */
    static Fork launch(int number, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ForkWorkerMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.directory(new File(System.getProperty("user.dir")));
        return new Fork(number, builder.start(), jvmOptions);
    }

    /**
     * Opens an execution of {@code experiment} in the worker: it rebuilds the experiment and sets
     * its steps up.
     *
     * @throws ConfigurationException when the worker cannot rebuild the experiment, naming why
     * @throws WorkerGoneException    when the worker ended before it was ready
     */
    void open(Map<String, Object> open, String experiment) {
        Frames.Frame reply;
        try {
            Frames.writeJson(out, Frames.OPEN, open);
            reply = Frames.read(in);
        } catch (IOException e) {
            stray = e.getMessage();
            reply = null;
        }
        if (reply == null) {
            throw new WorkerGoneException("forked worker " + number + " of experiment '" + experiment
                    + "' ended before it was ready (" + exitDescription() + "): check the JVM options "
                    + jvmOptions + " and that the class path holds the experiment");
        }
        if (reply.kind() == Frames.REFUSED) {
            throw new ConfigurationException("experiment '" + experiment + "' cannot be rebuilt in a forked worker: "
                    + reply.json().get("message"));
        }
        Object reportedPid = reply.json().get("pid");
        if (reportedPid instanceof Number n) {
            pid = n.longValue();
        }
        opened++;
    }

    int number() {
        return number;
    }

    long pid() {
        return pid;
    }

    /** How many executions this worker opened so far. */
    int opened() {
        return opened;
    }

    /**
     * Sends {@code task} to the worker, which runs the tasks it is sent one after another.
     *
     * @return false when the worker went away (its pipe is closed)
     */
    boolean send(RunTask task) {
        try {
            Frames.writeJson(out, Frames.TASK, Frames.task(task));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The outcome of the oldest task sent and not yet reported, as the worker encoded it; blocks
     * until it comes.
     *
     * @return the outcome, or {@code null} when the worker went away before reporting
     */
    byte[] receive() {
        try {
            Frames.Frame reply = Frames.read(in);
            return reply != null && reply.kind() == Frames.OUTCOME ? reply.body() : null;
        } catch (IOException e) {
            stray = e.getMessage(); // its frames can no longer be read: exitDescription ends it if it lives on
            return null;
        }
    }

    /**
     * Ends the open execution: the worker tears its steps down and waits for the next.
     *
     * @return false when the worker went away
     */
    boolean end() {
        try {
            Frames.write(out, Frames.END, new byte[0]);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Why the worker is gone: its exit code or signal and its last lines on standard error. */
    String exitDescription() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return "worker JVM " + pid + " stopped answering and was killed";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "worker JVM " + pid + " did not report (interrupted while waiting for it)";
        }
        try {
            errors.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code = process.exitValue();
        String how = code > 128 && code < 160 ? "was killed by signal " + (code - 128) + " (exit code " + code + ")"
                : "exited with code " + code;
        String last;
        synchronized (lastLines) {
            last = lastLines.isEmpty() ? "" : "; its last output: " + String.join(" | ", lastLines);
        }
        String output = stray == null ? "" : "; " + stray;
        return "worker JVM " + pid + " " + how + output + last;
    }

    /** A worker that ended before it was ready for an execution. */
    static final class WorkerGoneException extends ConfigurationException {
        private static final long serialVersionUID = 1L;

        WorkerGoneException(String message) {
            super(message);
        }
    }

    /** Asks the worker to tear down and exit; kills it when it does not within ten seconds. */
    @Override
    public void close() {
        try {
            Frames.write(out, Frames.CLOSE, new byte[0]);
            out.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the worker at once (and whatever it runs). */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void copyErrors() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lastLines) {
                    if (lastLines.size() == KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
                System.err.println("[fork " + number + "] " + line);
            }
        } catch (IOException e) {
            // the worker is gone
        }
    }
}
