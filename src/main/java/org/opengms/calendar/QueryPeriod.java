package org.opengms.calendar;

import java.time.Duration;
import java.time.Instant;
import org.opengms.api.error.InvalidRequestException;

/** The period a calendar, capacity or availability query may span: forwards, 31 days at most. */
public final class QueryPeriod {

  /** The longest period one query may ask about. */
  public static final Duration LONGEST = Duration.ofDays(31);

  private QueryPeriod() {}

  /** 400 when {@code to} is before {@code from} or the period exceeds {@link #LONGEST}. */
  public static void check(Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new InvalidRequestException("end is before start");
    }
    if (Duration.between(from, to).compareTo(LONGEST) > 0) {
      throw new InvalidRequestException("The period may not exceed 31 days");
    }
  }
}
