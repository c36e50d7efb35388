package io.crystallize.junit;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.TaskExecution;
import io.crystallize.core.TaskExecutionProvider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The {@code crystallize.execution.cluster*} keys, and the connection to the cluster made from
 * them through the provider {@code crystallize-hazelcast} registers; the engine itself does not
 * depend on Hazelcast.
 */
final class ClusterKeys {

    static final String ENVIRONMENT_SECRET = "CRYSTALLIZE_CLUSTER_SECRET";
    static final String PROVIDER = "cluster";
    static final String MODULE = "io.crystallize:crystallize-hazelcast";
    /** Workers waited for before an experiment's first run, unless {@link Constants#CLUSTER_WORKERS} says. */
    static final String DEFAULT_WORKERS = "1";

    private final TaskExecutionProvider.Connection connection;

    private ClusterKeys(TaskExecutionProvider.Connection connection) {
        this.connection = connection;
    }

    /**
     * The cluster the keys name.
     *
     * @param secretFromEnvironment the environment's secret, used when the key gives none
     * @throws ConfigurationException naming the module to add when no provider is on the class
     *                                path, or the key that is missing or invalid
     */
    static ClusterKeys connect(String cluster, Optional<String> members, Optional<String> secret,
            Optional<String> workers, Optional<String> secretFromEnvironment) {
        TaskExecutionProvider provider = provider().orElseThrow(() -> new ConfigurationException(Constants.CLUSTER
                + "=" + cluster + " needs " + MODULE + " on the test class path (the engine finds its cluster "
                + "provider there): add it as a test dependency, or leave " + Constants.CLUSTER + " out"));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster", cluster);
        settings.put("members", members.orElseThrow(() -> new ConfigurationException(Constants.CLUSTER + "=" + cluster
                + " needs " + Constants.CLUSTER_MEMBERS + ": the addresses of its members, e.g. "
                + "10.0.0.5:5701,10.0.0.6:5701")));
        settings.put("secret", secret.or(() -> secretFromEnvironment).orElseThrow(() -> new ConfigurationException(
                Constants.CLUSTER + "=" + cluster + " needs the cluster's shared secret: set " + Constants.CLUSTER_SECRET
                        + " or the environment variable " + ENVIRONMENT_SECRET)));
        settings.put("workers", workers.orElse(DEFAULT_WORKERS));
        return new ClusterKeys(provider.connect(settings));
    }

    private static Optional<TaskExecutionProvider> provider() {
        for (TaskExecutionProvider provider : ServiceLoader.load(TaskExecutionProvider.class)) {
            if (PROVIDER.equals(provider.name())) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    /** The strategy running an annotated experiment's runs on the cluster. */
    TaskExecution strategy(Class<?> experimentClass, Path root) {
        return connection.strategy(experimentClass, root);
    }

    /** Leaves the cluster. */
    void close() {
        connection.close();
    }
}
