/**
 * Results and artifacts on disk: {@link io.crystallize.artifacts.ArtifactPlugin} writes every
 * execution to {@code <root>/<experiment>/v<n>/} (metadata, per-condition results, completion markers,
 * artifacts by replicate, condition and step), atomically and with retention, and reads versions back.
 * The layout is the one the Python library crystallize reads, so its loader can read Java results.
 *
 * <p>Depends on {@code core} (it is a plugin and implements {@link io.crystallize.core.ArtifactStore})
 * and {@code base}; nothing in core depends on it.
 */
@API(status = STABLE, since = "0.1")
package io.crystallize.artifacts;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
