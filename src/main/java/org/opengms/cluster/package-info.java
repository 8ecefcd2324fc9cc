/**
 * The nodes of a cluster sharing one database. Signals: a topic and an id, never the data itself
 * (that stays in the tables), so the node holding a CometD session or a cache learns that something
 * changed; PostgreSQL {@code LISTEN/NOTIFY} between nodes, nothing to send on a single node (H2).
 * Receivers observe {@link org.opengms.cluster.Signal} as a CDI event. The node list: each node's
 * row in {@code cluster_node} with its heartbeat ({@link org.opengms.cluster.NodeHeartbeat}), read
 * by the admin console through {@link org.opengms.cluster.ClusterNodes}. Depends on the
 * persistence, configuration and time packages only.
 */
package org.opengms.cluster;
