package io.crystallize.hazelcast;

import io.crystallize.base.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a worker member of a Crystallize cluster and keeps it running until the process ends:
 * <pre>
 * java -cp &lt;test class path&gt; io.crystallize.hazelcast.ClusterWorkerMain \
 *     --cluster experiments --secret "$CRYSTALLIZE_SECRET" --members 10.0.0.5,10.0.0.6 [--port 5701] [--threads 4]
 * </pre>
 * The secret may also come from the environment variable {@code CRYSTALLIZE_CLUSTER_SECRET}, which
 * keeps it out of the process list. Threads default to the available processors.
 */
public final class ClusterWorkerMain {

    private ClusterWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String cluster = null;
        String secret = System.getenv("CRYSTALLIZE_CLUSTER_SECRET");
        List<String> members = new ArrayList<>();
        int port = ClusterSettings.DEFAULT_PORT;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--cluster" -> cluster = value;
                case "--secret" -> secret = value;
                case "--members" -> members.addAll(List.of(value.split(",")));
                case "--port" -> port = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                default -> throw new ConfigurationException("unknown option " + args[i] + ": use --cluster <name> "
                        + "--secret <secret> --members <host[:port],...> [--port <port>] [--threads <n>]");
            }
            i++;
        }
        ClusterWorker worker = ClusterWorker.start(new ClusterSettings(cluster, secret, members, port), threads);
        System.out.println("crystallize worker " + worker.member().getCluster().getLocalMember().getAddress()
                + " ready in cluster '" + cluster + "' with " + threads + " threads");
        System.out.flush();
        Thread.currentThread().join();
    }
}
