package io.crystallize.junit;

import io.crystallize.fork.ExperimentSource;
import io.crystallize.fork.ForkPool;
import io.crystallize.fork.ForkedExecution;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code crystallize.execution.forks*} keys: how many child JVMs, their options, fresh forks
 * per condition; and, once the engine run started them, the forks every experiment of the run borrows.
 */
record ForkSettings(int forks, List<String> jvmOptions, int freshPerCondition, ForkPool pool) {

    ForkSettings(int forks, List<String> jvmOptions, int freshPerCondition) {
        this(forks, jvmOptions, freshPerCondition, null);
    }

    ForkSettings {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** These settings with their forks started: they boot while the engine prepares the first experiment. */
    ForkSettings started() {
        return pool != null ? this : new ForkSettings(forks, jvmOptions, freshPerCondition,
                ForkPool.start(forks, jvmOptions));
    }

    /** The strategy running an annotated experiment's runs in forks that rebuild it by class name. */
    ForkedExecution strategy(Class<?> experimentClass, Path root) {
        ExperimentSource source = ExperimentSource.annotated(experimentClass, root.toAbsolutePath());
        ForkedExecution forked = pool != null ? new ForkedExecution(pool, source)
                : new ForkedExecution(forks, source).withJvmOptions(jvmOptions);
        return forked.withFreshForks(freshPerCondition);
    }

    /** Ends the forks of the engine run. */
    void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
