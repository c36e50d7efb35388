package io.crystallize.fork;

import io.crystallize.core.Context;
import io.crystallize.core.Experiment;
import io.crystallize.core.Plugin;
import io.crystallize.core.RunHost;
import io.crystallize.core.RunTask;
import io.crystallize.internal.json.Json;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main class of a forked worker JVM. It reads frames from standard input, runs tasks with a
 * {@link RunHost} and writes their outcomes as frames to the standard output stream it was
 * started with; whatever the experiment prints to {@code System.out} goes to standard error, so
 * it cannot corrupt the frames. One worker serves one execution after another (a pool keeps it
 * for the next); it exits when its input ends or it is told to close.
 */
public final class ForkWorkerMain {

    private ForkWorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        warmUp();
        int status = serve(in, out);
        System.exit(status);
    }

    /**
     * Builds the JSON mapper and its first readers and writers (a few hundred classes, about half
     * a second of a fresh JVM's start) before the first execution is asked for: a pool's forks do
     * this while the calling JVM prepares its first execution.
     */
    private static void warmUp() {
        try {
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("index", 1);
            sample.put("condition", "warm-up");
            sample.put("values", List.of(1.5, Double.NaN, 2L));
            sample.put("tags", Map.of("phase", List.of(true, "x")));
            byte[] json = Json.MAPPER.writeValueAsBytes(sample);
            Json.MAPPER.readValue(json, Map.class);
            Json.MAPPER.readTree(json);
        } catch (RuntimeException | LinkageError e) {
            // the first frame meets the same mapper, and reports what goes wrong
        }
    }

    /** Records the number of the fork that ran each run, as metric {@value ForkedExecution#FORK_METRIC}. */
    private record ForkMetric(int number) implements Plugin {
        @Override
        public void beforeReplicate(Context context) {
            context.metrics().record(ForkedExecution.FORK_METRIC, number);
        }
    }

    /**
     * Serves executions until told to close or its input ends: each opens with an {@code OPEN}
     * frame (the experiment is rebuilt for it), runs its tasks in the order they come, and ends
     * with {@code END} (its steps torn down, the worker waiting for the next execution). A worker
     * that cannot rebuild an experiment says why and waits for the next one.
     */
    static int serve(DataInputStream in, DataOutputStream out) throws IOException {
        for (Frames.Frame frame = Frames.read(in); frame != null; frame = Frames.read(in)) {
            if (frame.kind() == Frames.CLOSE) {
                return 0;
            }
            if (frame.kind() != Frames.OPEN) {
                return 2;
            }
            RunHost host = open(frame.json(), out);
            if (host == null) {
                continue;
            }
            try (host) {
                frame = runTasks(host, in, out);
            }
            if (frame == null || frame.kind() == Frames.CLOSE) {
                return 0;
            }
        }
        return 0;
    }

    /** The host of the execution {@code request} opens, after saying so; {@code null} when it cannot be rebuilt. */
    private static RunHost open(Map<String, Object> request, DataOutputStream out) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> sourceFields = (Map<String, Object>) request.get("source");
        @SuppressWarnings("unchecked")
        List<String> conditions = (List<String>) request.get("conditions");
        try {
            ExperimentSource source = new ExperimentSource((String) sourceFields.get("kind"),
                    (String) sourceFields.get("className"), (String) sourceFields.get("root"));
            Experiment experiment = source.rebuild();
            String expected = (String) request.get("experiment");
            if (!experiment.name().equals(expected)) {
                throw new IllegalStateException(source.className() + " builds experiment '" + experiment.name()
                        + "', not '" + expected + "': the source must build the same experiment");
            }
            Object fork = request.get("fork");
            RunHost host = fork instanceof Number n
                    ? new RunHost(experiment, conditions, List.of(new ForkMetric(n.intValue())))
                    : new RunHost(experiment, conditions);
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("pid", ProcessHandle.current().pid());
            ready.put("fingerprint", ExperimentSource.fingerprint(experiment, source.className()));
            Frames.writeJson(out, Frames.READY, ready);
            return host;
        } catch (Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            Map<String, Object> refused = new LinkedHashMap<>();
            refused.put("message", String.valueOf(e.getMessage() != null ? e.getMessage() : e.toString()));
            refused.put("trace", trace.toString());
            Frames.writeJson(out, Frames.REFUSED, refused);
            return null;
        }
    }

    /** Runs tasks until the execution ends; returns the frame that ended it ({@code null}: input ended). */
    private static Frames.Frame runTasks(RunHost host, DataInputStream in, DataOutputStream out) throws IOException {
        for (Frames.Frame frame = Frames.read(in); ; frame = Frames.read(in)) {
            if (frame == null || frame.kind() != Frames.TASK) {
                return frame;
            }
            Map<String, Object> t = frame.json();
            RunTask task = new RunTask(((Number) t.get("index")).intValue(), (String) t.get("condition"),
                    ((Number) t.get("replicate")).intValue(), ((Number) t.get("seed")).longValue());
            Frames.write(out, Frames.OUTCOME, host.run(task));
        }
    }
}
