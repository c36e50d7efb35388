/**
 * The abstract model of an annotated experiment class, shared by the annotation processor (built
 * from {@code javax.lang.model}) and the runtime reader (built from reflection and the class
 * file), and the one {@link io.crystallize.internal.model.ModelValidator} both run. Models hold names and
 * facts only, never front-end objects, so equal classes give equal models and equal
 * {@link io.crystallize.internal.model.ExperimentModel#hash() hashes}.
 *
 * <p>Internal: only public so that the processor and the runtime reader can share it. Not API; it may
 * change in any release. Depends on {@code annotation}, {@code hypothesis} and {@code base}.
 */
@API(status = INTERNAL, since = "0.1")
package io.crystallize.internal.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
