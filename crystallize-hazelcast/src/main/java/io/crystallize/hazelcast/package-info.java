/**
 * A cluster of worker JVMs on Hazelcast: workers started with
 * {@link io.crystallize.hazelcast.ClusterWorkerMain} run the runs that a driver's
 * {@link io.crystallize.hazelcast.ClusterExecution} sends them, all sharing
 * {@link io.crystallize.hazelcast.ClusterSettings} (cluster name, shared secret, member addresses).
 */
@API(status = EXPERIMENTAL, since = "0.1")
package io.crystallize.hazelcast;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
