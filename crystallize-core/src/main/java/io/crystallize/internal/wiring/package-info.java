/**
 * Runtime support for the code the annotation processor generates: the per-run state that carries
 * a run's experiment instance and step outputs between generated steps.
 *
 * <p>Internal: only public so that generated classes in users' packages can use it. Not API; it
 * changes together with the processor of the same version. Depends on {@code core}.
 */
@API(status = INTERNAL, since = "0.1")
package io.crystallize.internal.wiring;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
