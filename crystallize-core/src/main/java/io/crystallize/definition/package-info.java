/**
 * Loading annotated experiment classes: {@link io.crystallize.definition.ExperimentDefinitions} finds
 * the class the annotation processor generated for an {@code @Experiment} class, or reads the class at
 * run time when there is none, and gives an {@link io.crystallize.definition.ExperimentDefinition}
 * from which runners (the JUnit engine, a {@code main}) build the experiment with
 * {@link io.crystallize.definition.ExperimentSettings}.
 *
 * <p>The top of the picture: depends on the annotations, the runtime, the built-in plugins and the
 * internal model, and nothing depends on it but generated code and runners.
 */
@API(status = STABLE, since = "0.1")
package io.crystallize.definition;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
