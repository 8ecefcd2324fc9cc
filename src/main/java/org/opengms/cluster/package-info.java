/**
 * Signals between the nodes of a cluster sharing one database: a topic and an id, never the data
 * itself (that stays in the tables), so the node holding a CometD session or a cache learns that
 * something changed. PostgreSQL {@code LISTEN/NOTIFY} between nodes, nothing to send on a single
 * node (H2). Receivers observe {@link org.opengms.cluster.Signal} as a CDI event. Depends on the
 * persistence package only.
 */
package org.opengms.cluster;
