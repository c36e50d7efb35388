package io.crystallize.fork;

import io.crystallize.core.Context;
import io.crystallize.core.Experiment;
import io.crystallize.core.Plugin;
import io.crystallize.core.RunHost;
import io.crystallize.core.RunTask;
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
 * it cannot corrupt the frames. It exits when its input ends or it is told to close.
 */
public final class ForkWorkerMain {

    private ForkWorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        int status = serve(in, out);
        System.exit(status);
    }

    /** Records the number of the fork that ran each run, as metric {@value ForkedExecution#FORK_METRIC}. */
    private record ForkMetric(int number) implements Plugin {
        @Override
        public void beforeReplicate(Context context) {
            context.metrics().record(ForkedExecution.FORK_METRIC, number);
        }
    }

    static int serve(DataInputStream in, DataOutputStream out) throws IOException {
        Frames.Frame open = Frames.read(in);
        if (open == null || open.kind() != Frames.OPEN) {
            return 2;
        }
        Map<String, Object> request = open.json();
        @SuppressWarnings("unchecked")
        Map<String, Object> sourceFields = (Map<String, Object>) request.get("source");
        @SuppressWarnings("unchecked")
        List<String> conditions = (List<String>) request.get("conditions");
        ExperimentSource source = new ExperimentSource((String) sourceFields.get("kind"),
                (String) sourceFields.get("className"), (String) sourceFields.get("root"));
        RunHost host;
        try {
            Experiment experiment = source.rebuild();
            String expected = (String) request.get("experiment");
            if (!experiment.name().equals(expected)) {
                throw new IllegalStateException(source.className() + " builds experiment '" + experiment.name()
                        + "', not '" + expected + "': the source must build the same experiment");
            }
            Object fork = request.get("fork");
            host = fork instanceof Number n ? new RunHost(experiment, conditions, List.of(new ForkMetric(n.intValue())))
                    : new RunHost(experiment, conditions);
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("pid", ProcessHandle.current().pid());
            ready.put("fingerprint", ExperimentSource.fingerprint(experiment, source.className()));
            Frames.writeJson(out, Frames.READY, ready);
        } catch (Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            Map<String, Object> refused = new LinkedHashMap<>();
            refused.put("message", String.valueOf(e.getMessage() != null ? e.getMessage() : e.toString()));
            refused.put("trace", trace.toString());
            Frames.writeJson(out, Frames.REFUSED, refused);
            return 3;
        }
        try (host) {
            for (Frames.Frame frame = Frames.read(in); frame != null && frame.kind() == Frames.TASK;
                    frame = Frames.read(in)) {
                Map<String, Object> t = frame.json();
                RunTask task = new RunTask(((Number) t.get("index")).intValue(), (String) t.get("condition"),
                        ((Number) t.get("replicate")).intValue(), ((Number) t.get("seed")).longValue());
                Frames.write(out, Frames.OUTCOME, host.run(task));
            }
        }
        return 0;
    }
}
