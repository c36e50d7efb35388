/**
 * Reports a person reads: a self-contained HTML report of one or more experiments' results
 * (verdict table, forest plots, distributions, history across stored versions, configuration,
 * environment, failed runs, files) and a Markdown summary for CI job summaries and pull-request
 * comments. {@link io.crystallize.report.Report} is the entry point.
 *
 * <p>Depends on {@code core}, {@code hypothesis}, {@code base}, {@code artifacts} (reading stored
 * versions) and the internal JSON and number helpers; nothing in the library depends on it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package io.crystallize.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
