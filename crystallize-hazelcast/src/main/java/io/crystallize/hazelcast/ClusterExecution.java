package io.crystallize.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import io.crystallize.base.ConfigurationException;
import io.crystallize.core.Execution;
import io.crystallize.core.RunTask;
import io.crystallize.core.RunTasks;
import io.crystallize.core.TaskExecution;
import io.crystallize.fork.ExperimentSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs an execution's runs on the worker members of a Hazelcast cluster (started with
 * {@link ClusterWorkerMain}); this JVM joins as a lite member that runs nothing itself, records
 * every outcome as if the run had happened here (same seeds: results identical to a serial
 * execution) and alone writes results.
 *
 * <p>Hazelcast does the distributed part: membership, failure detection (heartbeats), transport
 * and each worker's executor. This class only keeps each worker as busy as it has threads (with one run queued), and
 * when Hazelcast reports a worker gone ({@code MemberLeftException}) submits its runs again to
 * the others, so every run is recorded once. A worker that refuses the execution (another build
 * of the experiment, a task not signed with the cluster's secret, an experiment it cannot
 * rebuild) stops it with that worker's message; an outcome larger than
 * {@link #withMaxOutcomeBytes(long)} fails its run, naming the limit.
 */
public final class ClusterExecution implements TaskExecution, AutoCloseable {

    /** Default largest outcome a worker may send back: 16 MiB. */
    public static final long DEFAULT_MAX_OUTCOME_BYTES = 16L * 1024 * 1024;

    private static final long POLL_MILLIS = 50;

    private final ClusterSettings settings;
    private final ExperimentSource source;
    private final int minWorkers;
    private final Duration workerWait;
    private final long maxOutcomeBytes;
    private final Membership membership;
    private final java.util.concurrent.atomic.AtomicInteger resubmitted = new java.util.concurrent.atomic.AtomicInteger();

    public ClusterExecution(ClusterSettings settings, ExperimentSource source) {
        this(settings, source, 1, Duration.ofSeconds(60), DEFAULT_MAX_OUTCOME_BYTES, null);
    }

    private ClusterExecution(ClusterSettings settings, ExperimentSource source, int minWorkers, Duration workerWait,
            long maxOutcomeBytes, Membership membership) {
        if (source == null) {
            throw new ConfigurationException("ClusterExecution needs an ExperimentSource: ExperimentSource.annotated("
                    + "MyExperiment.class, root) or ExperimentSource.factory(MyFactory.class)");
        }
        if (minWorkers < 1 || maxOutcomeBytes < 1) {
            throw new ConfigurationException("ClusterExecution needs at least 1 worker and a positive outcome limit");
        }
        this.settings = settings;
        this.source = source;
        this.minWorkers = minWorkers;
        this.workerWait = workerWait;
        this.maxOutcomeBytes = maxOutcomeBytes;
        this.membership = membership != null ? membership : new Membership(settings);
    }

    /** The driver's lite member, started on first use and shared by the strategies made from one another. */
    private static final class Membership {
        private final ClusterSettings settings;
        private HazelcastInstance member;

        Membership(ClusterSettings settings) {
            this.settings = settings;
        }

        synchronized HazelcastInstance member() {
            if (member == null) {
                member = Hazelcast.newHazelcastInstance(settings.memberConfig(0));
            }
            return member;
        }

        synchronized void close() {
            if (member != null) {
                member.shutdown();
                member = null;
            }
        }
    }

    /**
     * Waits up to {@code wait} for {@code workers} worker members before the first run starts.
     * The strategies this one makes share its membership of the cluster (closing one leaves it).
     */
    public ClusterExecution withWorkers(int workers, Duration wait) {
        return new ClusterExecution(settings, source, workers, wait, maxOutcomeBytes, membership);
    }

    /** The largest outcome (metrics, provenance, artifacts) of one run that a worker may send back. */
    public ClusterExecution withMaxOutcomeBytes(long bytes) {
        return new ClusterExecution(settings, source, minWorkers, workerWait, bytes, membership);
    }

    /** The same strategy for the runs of another experiment, sharing this one's membership of the cluster. */
    public ClusterExecution withSource(ExperimentSource other) {
        return new ClusterExecution(settings, other, minWorkers, workerWait, maxOutcomeBytes, membership);
    }

    /** The lite member this driver joins the cluster with, started on first use. */
    HazelcastInstance member() {
        return membership.member();
    }

    @Override
    public boolean runTasks(Execution execution, RunTasks tasks) throws InterruptedException {
        HazelcastInstance hz = member();
        awaitWorkers(hz, execution.experiment().name());
        String id = UUID.randomUUID().toString();
        String fingerprint = ExperimentSource.fingerprint(execution.experiment(), source.className());
        Dispatch dispatch = new Dispatch(hz.getExecutorService(ClusterSettings.EXECUTOR), tasks, id, fingerprint,
                execution.experiment().name());
        try {
            dispatch.run(hz);
        } finally {
            dispatch.close();
        }
        return true;
    }

    private void awaitWorkers(HazelcastInstance hz, String experiment) throws InterruptedException {
        long until = System.nanoTime() + workerWait.toNanos();
        while (workers(hz).size() < minWorkers) {
            if (System.nanoTime() > until) {
                throw new ConfigurationException("cluster '" + settings.cluster() + "' has " + workers(hz).size()
                        + " worker(s) after " + workerWait + ", experiment '" + experiment + "' needs " + minWorkers
                        + ": start workers with java -cp <test class path> " + ClusterWorkerMain.class.getName()
                        + " --cluster " + settings.cluster() + " --secret <secret> --members <addresses>");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static List<Member> workers(HazelcastInstance hz) {
        return hz.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).toList();
    }

    /** How many runs were submitted again because their worker left, over this strategy's executions. */
    public int resubmittedRuns() {
        return resubmitted.get();
    }

    /** Leaves the cluster. */
    @Override
    public void close() {
        membership.close();
    }

    /** One execution's runs in flight: each worker gets as many as it has threads. */
    private final class Dispatch {
        private final IExecutorService executor;
        private final RunTasks tasks;
        private final String id;
        private final String fingerprint;
        private final String experiment;
        private final Deque<Integer> pending = new ArrayDeque<>();
        private final Map<UUID, Integer> inFlight = new HashMap<>();
        private int remaining;
        private RuntimeException refusal;
        private boolean closed;

        Dispatch(IExecutorService executor, RunTasks tasks, String id, String fingerprint, String experiment) {
            this.executor = executor;
            this.tasks = tasks;
            this.id = id;
            this.fingerprint = fingerprint;
            this.experiment = experiment;
            for (int i = 0; i < tasks.size(); i++) {
                pending.add(i);
            }
            remaining = tasks.size();
        }

        void run(HazelcastInstance hz) throws InterruptedException {
            synchronized (this) {
                while (remaining > 0 && refusal == null) {
                    if (tasks.stopped() || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    for (Member worker : workers(hz)) {
                        int capacity = threads(worker) + 1; // one run queued per worker hides the round trip
                        while (inFlight.getOrDefault(worker.getUuid(), 0) < capacity && !pending.isEmpty()) {
                            submit(pending.poll(), worker);
                        }
                    }
                    wait(POLL_MILLIS);
                }
            }
            if (refusal != null) {
                throw refusal;
            }
        }

        private int threads(Member worker) {
            try {
                return Math.max(1, Integer.parseInt(worker.getAttribute(ClusterSettings.THREADS_ATTRIBUTE)));
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        private void submit(int index, Member worker) {
            RunTask task = tasks.task(index);
            RunOnMember request = new RunOnMember(id, source, experiment, tasks.conditions(), fingerprint,
                    maxOutcomeBytes, task, settings);
            UUID uuid = worker.getUuid();
            inFlight.merge(uuid, 1, Integer::sum);
            executor.submitToMember(request, worker, new ExecutionCallback<byte[]>() {
                @Override
                public void onResponse(byte[] outcome) {
                    synchronized (Dispatch.this) {
                        if (closed) {
                            return;
                        }
                        inFlight.merge(uuid, -1, Integer::sum);
                        remaining--;
                        tasks.complete(task, outcome);
                        Dispatch.this.notifyAll();
                    }
                }

                @Override
                public void onFailure(Throwable t) {
                    synchronized (Dispatch.this) {
                        if (closed) {
                            return;
                        }
                        inFlight.merge(uuid, -1, Integer::sum);
                        Throwable cause = cause(t);
                        if (cause instanceof MemberLeftException || cause instanceof TargetNotMemberException
                                || cause instanceof HazelcastInstanceNotActiveException) {
                            pending.addFirst(index); // Hazelcast saw the worker go: another one runs it
                            resubmitted.incrementAndGet();
                        } else if (cause instanceof OutcomeTooLargeException) {
                            remaining--;
                            tasks.lost(task, cause.getMessage());
                        } else if (cause instanceof ClusterRefusalException) {
                            refusal = new ConfigurationException(cause.getMessage());
                        } else {
                            remaining--;
                            tasks.lost(task, "worker " + worker.getAddress() + " failed to run it: " + cause);
                        }
                        Dispatch.this.notifyAll();
                    }
                }
            });
        }

        synchronized void close() {
            closed = true; // outcomes arriving after the execution ended are not recorded
        }
    }

    private static Throwable cause(Throwable t) {
        Throwable c = t;
        for (int depth = 0; depth < 8 && c != null; depth++) {
            if (c instanceof MemberLeftException || c instanceof TargetNotMemberException
                    || c instanceof HazelcastInstanceNotActiveException || c instanceof OutcomeTooLargeException
                    || c instanceof ClusterRefusalException) {
                return c;
            }
            c = c.getCause();
        }
        return t;
    }
}
