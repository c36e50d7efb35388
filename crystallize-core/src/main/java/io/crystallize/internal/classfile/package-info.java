/**
 * Finding a class's class file without the cost of a resource lookup through every parent loader.
 *
 * <p>Internal: only public so that the definition and fingerprint packages can share it. Not API;
 * it may change or disappear in any release. Depends on nothing else of Crystallize.
 */
@API(status = INTERNAL, since = "0.1")
package io.crystallize.internal.classfile;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
