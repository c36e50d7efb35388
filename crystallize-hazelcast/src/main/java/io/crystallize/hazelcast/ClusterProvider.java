package io.crystallize.hazelcast;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.TaskExecution;
import io.crystallize.core.TaskExecutionProvider;
import io.crystallize.fork.ExperimentSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code cluster} provider a runner finds through {@link java.util.ServiceLoader} (the JUnit
 * engine's {@code crystallize.execution.cluster} keys): settings {@value #CLUSTER} (the cluster's
 * name), {@value #MEMBERS} (addresses, separated by commas), {@value #SECRET} (the shared secret)
 * and {@value #WORKERS} (how many workers to wait for, default 1, for up to a minute). One lite
 * member joins the cluster at the first execution and serves every experiment of the run.
 */
public final class ClusterProvider implements TaskExecutionProvider {

    /** The provider's name. */
    public static final String NAME = "cluster";
    /** Setting: the cluster's name. */
    public static final String CLUSTER = "cluster";
    /** Setting: member addresses ({@code host} or {@code host:port}), separated by commas. */
    public static final String MEMBERS = "members";
    /** Setting: the shared secret. */
    public static final String SECRET = "secret";
    /** Setting: how many workers to wait for before the first run. */
    public static final String WORKERS = "workers";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connection connect(Map<String, String> settings) {
        String members = settings.getOrDefault(MEMBERS, "");
        List<String> addresses = Arrays.stream(members.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        if (addresses.isEmpty()) {
            throw new ConfigurationException("cluster '" + settings.get(CLUSTER) + "' needs the addresses of its "
                    + "members (host or host:port, separated by commas), e.g. 10.0.0.5:5701,10.0.0.6:5701");
        }
        int workers;
        try {
            workers = Integer.parseInt(settings.getOrDefault(WORKERS, "1").trim());
        } catch (NumberFormatException e) {
            workers = 0;
        }
        if (workers < 1) {
            throw new ConfigurationException("the number of cluster workers to wait for must be a positive integer, "
                    + "got '" + settings.get(WORKERS) + "'");
        }
        ClusterSettings cluster = new ClusterSettings(settings.get(CLUSTER), settings.get(SECRET), addresses,
                ClusterSettings.DEFAULT_PORT);
        return new Joined(new ClusterExecution(cluster, ExperimentSource.factory(NoExperiment.class))
                .withWorkers(workers, Duration.ofSeconds(60)));
    }

    /** The run's strategies, all sharing one membership of the cluster. */
    private record Joined(ClusterExecution shared) implements Connection {
        @Override
        public TaskExecution strategy(Class<?> experimentClass, Path artifactRoot) {
            return shared.withSource(ExperimentSource.annotated(experimentClass, artifactRoot.toAbsolutePath()));
        }

        @Override
        public void close() {
            shared.close();
        }
    }

    /** The source of the shared strategy, which runs nothing itself: each experiment gets its own. */
    static final class NoExperiment implements java.util.function.Supplier<io.crystallize.core.Experiment> {
        @Override
        public io.crystallize.core.Experiment get() {
            throw new IllegalStateException("no experiment");
        }
    }
}
