/**
 * The experiment API and its runtime: {@link io.crystallize.core.Experiment} (built with its
 * builder), the {@link io.crystallize.core.Step} pipeline and {@link io.crystallize.core.DataSource},
 * {@link io.crystallize.core.Treatment}s, the immutable {@link io.crystallize.core.Context},
 * {@link io.crystallize.core.Metrics}, the {@link io.crystallize.core.Plugin} hooks, seeding
 * ({@link io.crystallize.core.SeedPlugin}) and the {@link io.crystallize.core.Result} of an execution.
 *
 * <p>Depends on {@code hypothesis} and {@code base}. What core does not do itself it reaches through
 * interfaces it owns and plugins implement: optimisation ({@link io.crystallize.core.Optimizer}) and
 * reading stored artifacts ({@link io.crystallize.core.ArtifactStore}).
 */
@API(status = STABLE, since = "0.1")
package io.crystallize.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
