package org.opengms.statistics;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Metrics an engine computes from its own state (the chat engine, the callback engine, ...). Each
 * engine offers one as a CDI bean; the statistics provider finds them all, so a new engine adds
 * metrics without touching the Stat Server API.
 */
public interface MetricSource {

  /** The metrics this source computes, each with a one-line definition for operators. */
  Map<MetricKey, String> definitions();

  /**
   * The current value of {@code key} for {@code objectId}: a {@link Number}, or a {@link String}
   * for states; empty when the object is unknown to this source.
   */
  Optional<Object> value(MetricKey key, String objectId);

  /** The ids of the objects of {@code objectType} this source knows (queues, agents, ...). */
  Set<String> objects(String objectType);

  /**
   * When two sources define the same metric and know the same object (a queue both chats and
   * callbacks use), the one with the higher precedence answers; equal ones keep discovery order.
   */
  default int precedence() {
    return 0;
  }
}
