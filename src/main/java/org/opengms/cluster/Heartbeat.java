package org.opengms.cluster;

import java.time.Instant;

/**
 * This node wrote its heartbeat at {@code at} (a CDI event each {@code [cluster]
 * heartbeat_interval}): what depends on which nodes are alive looks again.
 */
public record Heartbeat(Instant at) {}
