package org.opengms.statistics;

import java.util.Set;

/**
 * A CDI event an engine fires when the figures behind its metrics may have changed (a chat queued
 * or taken, an agent's presence changed), for the object types named. Fired on routing changes,
 * never per message; the statistics cache only counts it, and recomputes its {@code Immediate}
 * values at their next read.
 */
public record MetricsChanged(Set<String> objectTypes) {

  public MetricsChanged {
    objectTypes = Set.copyOf(objectTypes);
  }
}
