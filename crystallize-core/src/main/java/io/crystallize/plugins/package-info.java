/**
 * Built-in plugins on top of {@code core}: parallel execution on threads, logging and progress.
 *
 * <p>Depends on {@code core} and {@code base}; nothing in core depends on it.
 */
@API(status = STABLE, since = "0.1")
package io.crystallize.plugins;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
