/**
 * The vocabulary every other package shares: a metric's recorded values
 * ({@link io.crystallize.base.MetricSeries}), a failed run ({@link io.crystallize.base.RunFailure}),
 * the naming rules for experiments, conditions, steps and metrics ({@link io.crystallize.base.Names}),
 * configuration errors ({@link io.crystallize.base.ConfigurationException}) and seed arithmetic
 * ({@link io.crystallize.base.Seeds}).
 *
 * <p>Depends on nothing else of Crystallize: it is the bottom of the picture, so that statistics,
 * hypotheses and the runtime can all speak of runs and metrics without depending on each other.
 */
@API(status = STABLE, since = "0.1")
package io.crystallize.base;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
