package org.opengms.calendar;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One time slot of a callback service: {@code [start, end)}, starting at {@code localStart} in the
 * calendar's zone.
 */
public record Slot(Instant start, Instant end, LocalDateTime localStart) {

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
