/**
 * Forked workers: {@link io.crystallize.fork.ForkedExecution} runs an execution's runs in child JVMs
 * that rebuild the experiment from an {@link io.crystallize.fork.ExperimentSource} (an annotated
 * class, or a factory for an experiment built in code); the calling JVM records every outcome as if
 * the run had happened in it. {@link io.crystallize.fork.ForkWorkerMain} is the children's main class.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package io.crystallize.fork;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
