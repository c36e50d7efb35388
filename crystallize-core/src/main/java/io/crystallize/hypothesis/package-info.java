/**
 * Hypotheses and their verdicts: what a treatment is expected to do to a metric
 * ({@link io.crystallize.hypothesis.Hypothesis}, {@link io.crystallize.hypothesis.Expectation},
 * {@link io.crystallize.hypothesis.Direction}), the statistical test that decides it
 * ({@link io.crystallize.hypothesis.Verifier}, built-ins in {@link io.crystallize.hypothesis.Verifiers}),
 * the multiple-comparison correction over a hypothesis's family, and the
 * {@link io.crystallize.hypothesis.Verdict} with its evidence.
 *
 * <p>Depends on {@code stats} (the numerics) and {@code base} (metric series, failures, names) only:
 * a hypothesis is evaluated from recorded values, without knowing how they were produced.
 */
@API(status = STABLE, since = "0.1")
package io.crystallize.hypothesis;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
