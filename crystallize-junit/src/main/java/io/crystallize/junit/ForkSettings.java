package io.crystallize.junit;

import io.crystallize.fork.ExperimentSource;
import io.crystallize.fork.ForkedExecution;
import java.nio.file.Path;
import java.util.List;

/** The {@code crystallize.execution.forks*} keys: how many child JVMs, their options, fresh forks per condition. */
record ForkSettings(int forks, List<String> jvmOptions, int freshPerCondition) {

    ForkSettings {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The strategy running an annotated experiment's runs in forks that rebuild it by class name. */
    ForkedExecution strategy(Class<?> experimentClass, Path root) {
        return new ForkedExecution(forks, ExperimentSource.annotated(experimentClass, root.toAbsolutePath()))
                .withJvmOptions(jvmOptions).withFreshForks(freshPerCondition);
    }
}
