package org.opengms.statistics;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.opengms.api.error.InvalidRequestException;

/**
 * The {@code notificationMode} of a peek request (the Stat Server's notification of the opened
 * statistic, here what keeps the cached value fresh).
 */
public enum NotificationMode {
  /** The cached value is kept until a request's {@code max-age} is exceeded (the default). */
  NoNotification,
  /** The cached value is dropped and computed anew for this request (Age 0). */
  Reset,
  /**
   * The statistic follows changes: whenever its engine reports a change, the cached value is
   * recomputed at the next read, so it is never older than the last change.
   */
  Immediate;

  /** The mode a request names; absent or blank is {@link #NoNotification}; unknown is a 400. */
  public static NotificationMode parse(String value) {
    if (value == null || value.isBlank()) {
      return NoNotification;
    }
    for (NotificationMode mode : values()) {
      if (mode.name().equalsIgnoreCase(value.strip())) {
        return mode;
      }
    }
    throw new InvalidRequestException(
        "notificationMode must be one of "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
            + ", not "
            + value);
  }
}
