package org.opengms.statistics;

import java.util.Optional;

/**
 * The reading side of the statistics provider, for engines that decide with statistics (the
 * callback engine's {@code _request_queue_time_stat}, {@code request-chat-poll} availability).
 */
public interface Statistics {

  /**
   * The value of {@code metric} for object {@code objectId} of {@code objectType}, computed now;
   * empty when no source knows that metric or object.
   */
  Optional<Object> current(String objectType, String objectId, String metric);
}
