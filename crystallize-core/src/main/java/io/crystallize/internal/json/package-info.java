/**
 * Crystallize's one configured JSON mapper (Jackson), for results files and artifacts.
 *
 * <p>Internal: only public so that other Crystallize packages can share it. Not API; it may change
 * or disappear in any release. Depends on nothing else of Crystallize.
 */
@API(status = INTERNAL, since = "0.1")
package io.crystallize.internal.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
