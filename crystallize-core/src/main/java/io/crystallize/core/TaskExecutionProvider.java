package io.crystallize.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * A place other than this JVM to run executions' runs (a cluster), found by name through
 * {@link java.util.ServiceLoader}: a runner configured by keys (the JUnit engine) offers it when
 * the module providing it is on the class path, without depending on that module. Implementations
 * have a public no-arg constructor and are listed in
 * {@code META-INF/services/io.crystallize.core.TaskExecutionProvider}.
 */
public interface TaskExecutionProvider {

    /** The name a runner's configuration selects this provider by, e.g. {@code cluster}. */
    String name();

    /**
     * Checks {@code settings} and returns a connection that serves every execution of the runner's
     * run. It holds nothing that needs closing until its first strategy runs (a runner may read its
     * configuration without executing), and is closed when the run ends.
     *
     * @param settings the runner's settings for this provider, by key
     * @throws io.crystallize.base.ConfigurationException naming the setting that is missing or invalid
     */
    Connection connect(Map<String, String> settings);

    /** A provider's connection: the strategy for each experiment of a run. */
    interface Connection extends AutoCloseable {

        /**
         * The strategy running the runs of an annotated experiment class, rebuilt by name wherever
         * its runs go, its upstream artifacts read from {@code artifactRoot}.
         */
        TaskExecution strategy(Class<?> experimentClass, Path artifactRoot);

        /** Ends what the connection started. */
        @Override
        void close();
    }
}
