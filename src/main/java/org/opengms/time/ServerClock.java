package org.opengms.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time every engine that reasons about business time (statistics ages, callback schedules,
 * office hours) reads, instead of {@link Instant#now()}. It is the system clock plus an offset that
 * is zero unless an admin moves it through {@code /1/admin/clock}, which only a configuration with
 * {@code [server] clock_control = true} allows: tests and demos jump hours ahead instead of
 * sleeping.
 */
@ApplicationScoped
public class ServerClock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public Instant now() {
    return Instant.now().plus(offset.get());
  }

  /** A {@link Clock} view (UTC) that follows later moves of this clock. */
  public Clock clock() {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  public Duration offset() {
    return offset.get();
  }

  /** Moves the clock forward (or back, with a negative amount) and answers the new offset. */
  public Duration advance(Duration amount) {
    return offset.updateAndGet(current -> current.plus(amount));
  }

  public void reset() {
    offset.set(Duration.ZERO);
  }
}
