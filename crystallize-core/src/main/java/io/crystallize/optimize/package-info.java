/**
 * Parameter search on top of {@code core}: grid and random search as ask/tell
 * {@link io.crystallize.core.Optimizer}s for {@link io.crystallize.core.Experiment#optimize}.
 *
 * <p>Depends on {@code core} and {@code base}; nothing in core depends on it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package io.crystallize.optimize;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
