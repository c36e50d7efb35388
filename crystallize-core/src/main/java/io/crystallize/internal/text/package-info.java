/**
 * Number formatting for verdict messages and reports, byte-identical to {@code String.format}'s
 * {@code %.Nf}/{@code %.Ng} without its cost.
 *
 * <p>Internal: only public so that the hypothesis package and the JUnit engine can share it. Not API;
 * it may change or disappear in any release. Depends on nothing else of Crystallize.
 */
@API(status = INTERNAL, since = "0.1")
package io.crystallize.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
