/**
 * The annotations users write in test sources: {@link io.crystallize.annotation.Experiment},
 * {@link io.crystallize.annotation.Param}, {@link io.crystallize.annotation.DataSource},
 * {@link io.crystallize.annotation.Step}, {@link io.crystallize.annotation.Treatment} and
 * {@link io.crystallize.annotation.Hypothesis}. The annotation processor turns an annotated class into
 * the same experiment the builder API makes.
 *
 * <p>Depends on {@code hypothesis} only, for the enums its attributes take (expectation, direction,
 * aggregate, built-in tests).
 */
@API(status = STABLE, since = "0.1")
package io.crystallize.annotation;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
