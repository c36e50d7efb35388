package io.crystallize.hazelcast;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.crystallize.core.Experiment;
import io.crystallize.core.RunHost;
import io.crystallize.fork.ExperimentSource;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A worker member: a Hazelcast member whose executor runs the runs drivers send. For each
 * execution it rebuilds the experiment (by class name, from its own class path), refuses it when
 * its build differs from the driver's, and keeps one {@link RunHost} per executor thread, set up
 * once; hosts of older executions are torn down when newer ones arrive.
 */
public final class ClusterWorker implements AutoCloseable {

    private static final int KEPT_EXECUTIONS = 2;
    private static volatile ClusterWorker current;

    private final ClusterSettings settings;
    private final HazelcastInstance member;
    private final Map<String, ConcurrentLinkedQueue<RunHost>> hosts = new LinkedHashMap<>();

    private ClusterWorker(ClusterSettings settings, int threads) {
        this.settings = settings;
        current = this;
        this.member = Hazelcast.newHazelcastInstance(settings.memberConfig(threads));
    }

    /** Starts a worker member in this JVM running up to {@code threads} runs at once. */
    public static ClusterWorker start(ClusterSettings settings, int threads) {
        if (threads < 1) {
            throw new io.crystallize.base.ConfigurationException("a worker needs at least 1 thread, got " + threads);
        }
        return new ClusterWorker(settings, threads);
    }

    static ClusterWorker current() {
        ClusterWorker worker = current;
        if (worker == null) {
            throw new ClusterRefusalException("a run reached a member that is not a Crystallize worker: start "
                    + "workers with ClusterWorkerMain");
        }
        return worker;
    }

    HazelcastInstance member() {
        return member;
    }

    byte[] run(RunOnMember request) {
        String expected = settings.sign(request.content());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                String.valueOf(request.mac).getBytes(StandardCharsets.US_ASCII))) {
            throw new ClusterRefusalException("worker " + member.getCluster().getLocalMember().getAddress()
                    + " refused a run of '" + request.experiment + "' not signed with the cluster's secret: give the "
                    + "driver the same secret as the workers");
        }
        ConcurrentLinkedQueue<RunHost> pool = pool(request.execution);
        RunHost host = pool.poll();
        if (host == null) {
            host = open(request);
        }
        try {
            byte[] outcome = host.run(request.task());
            if (outcome.length > request.maxOutcomeBytes) {
                throw new OutcomeTooLargeException("run " + request.task().key() + " of '" + request.experiment
                        + "' produced " + outcome.length + " bytes of outcome (mostly the artifacts it wrote), more "
                        + "than the " + request.maxOutcomeBytes + " bytes a driver accepts from a cluster worker: "
                        + "write smaller artifacts, or raise the limit with ClusterExecution.withMaxOutcomeBytes");
            }
            return outcome;
        } finally {
            pool.add(host);
        }
    }

    private RunHost open(RunOnMember request) {
        ExperimentSource source = request.source();
        Experiment experiment;
        try {
            experiment = source.rebuild();
        } catch (RuntimeException e) {
            throw new ClusterRefusalException("worker " + member.getCluster().getLocalMember().getAddress()
                    + " cannot rebuild experiment '" + request.experiment + "': " + e.getMessage());
        }
        String fingerprint = ExperimentSource.fingerprint(experiment, source.className());
        if (!fingerprint.equals(request.fingerprint)) {
            throw new ClusterRefusalException("worker " + member.getCluster().getLocalMember().getAddress()
                    + " has a different build of experiment '" + request.experiment + "' (class hash " + fingerprint
                    + ", the driver's " + request.fingerprint + "): start workers with the same build of the "
                    + "experiment as the driver");
        }
        if (!experiment.name().equals(request.experiment)) {
            throw new ClusterRefusalException(source.className() + " builds experiment '" + experiment.name()
                    + "' on worker " + member.getCluster().getLocalMember().getAddress() + ", not '"
                    + request.experiment + "'");
        }
        return new RunHost(experiment, request.conditions);
    }

    private ConcurrentLinkedQueue<RunHost> pool(String execution) {
        Deque<ConcurrentLinkedQueue<RunHost>> retired = new ArrayDeque<>();
        ConcurrentLinkedQueue<RunHost> pool;
        synchronized (hosts) {
            pool = hosts.get(execution);
            if (pool == null) {
                pool = new ConcurrentLinkedQueue<>();
                hosts.put(execution, pool);
                Iterator<ConcurrentLinkedQueue<RunHost>> older = hosts.values().iterator();
                while (hosts.size() > KEPT_EXECUTIONS && older.hasNext()) {
                    retired.add(older.next());
                    older.remove();
                }
            }
        }
        for (ConcurrentLinkedQueue<RunHost> old : retired) {
            for (RunHost host = old.poll(); host != null; host = old.poll()) {
                try {
                    host.close();
                } catch (RuntimeException e) {
                    System.err.println("teardown of an earlier execution's steps failed: " + e);
                }
            }
        }
        return pool;
    }

    /** Leaves the cluster. */
    @Override
    public void close() {
        member.shutdown();
    }
}
