/**
 * Code fingerprints: a digest of the code a run executes (data source, steps, plugins and,
 * transitively, the project's own code they call; the identity of each library and of the JDK
 * they reach instead of its code) together with what the run is given (parameters, seeds,
 * replicates, upstream versions). Two runs with equal fingerprints compute the same thing, so an
 * execution may take an earlier version's runs instead of running them again.
 *
 * <p>Bytecode is normalised before it is digested: line numbers, local variable names and stack
 * map frames are left out, so reformatting source or renaming a local changes nothing, while any
 * changed instruction or constant does. Each class is read once per class loader.
 *
 * <p>Depends on {@code core} and {@code base}; {@code artifacts} uses it to record fingerprints and
 * find reusable runs.
 */
@API(status = EXPERIMENTAL, since = "0.2")
package io.crystallize.fingerprint;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
