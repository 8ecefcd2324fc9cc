package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.opengms.calendar.SlotBookings;

/**
 * Capacity bookings from the callbacks table (indexed on capacity service and desired time). A
 * single question (a capacity check) is one count query. An availability answer asks slot after
 * slot; when a thread asks for the slot right after the one it just asked, the desired times of the
 * following day are read at once and the next slots are counted in memory, so 7 days of 5-minute
 * slots cost 7 queries instead of 2016. That view is at most {@link #FRESH} old.
 */
@ApplicationScoped
public class CallbackSlotBookings implements SlotBookings {

  /** How long a thread's window of desired times is used. */
  static final Duration FRESH = Duration.ofMillis(500);

  private static final Duration WINDOW = Duration.ofDays(1);

  @EJB CallbackStore store;

  /** What this thread asked last, and the window it loaded (if any). */
  private static final class Recent {
    String capacityService;
    Instant lastTo;
    long askedAt;
    Instant windowFrom;
    Instant windowTo;
    long[] times; // sorted epoch millis of the bookings in [windowFrom, windowTo)
    long loadedAt;
  }

  private final ThreadLocal<Recent> recent = ThreadLocal.withInitial(Recent::new);

  @Override
  public long booked(String capacityService, Instant from, Instant to) {
    Recent r = recent.get();
    long now = System.nanoTime();
    boolean fresh = now - r.loadedAt < FRESH.toNanos();
    if (r.times != null
        && fresh
        && capacityService.equals(r.capacityService)
        && !from.isBefore(r.windowFrom)
        && !to.isAfter(r.windowTo)) {
      remember(r, capacityService, to, now);
      return count(r.times, from, to);
    }
    boolean sequential =
        capacityService.equals(r.capacityService)
            && from.equals(r.lastTo)
            && now - r.askedAt < FRESH.toNanos();
    if (!sequential) {
      remember(r, capacityService, to, now);
      return store.booked(capacityService, from, to);
    }
    Instant windowTo = to.isAfter(from.plus(WINDOW)) ? to : from.plus(WINDOW);
    r.times =
        store.bookedTimes(capacityService, from, windowTo).stream()
            .mapToLong(Instant::toEpochMilli)
            .sorted()
            .toArray();
    r.windowFrom = from;
    r.windowTo = windowTo;
    r.loadedAt = now;
    remember(r, capacityService, to, now);
    return count(r.times, from, to);
  }

  private static void remember(Recent r, String capacityService, Instant to, long now) {
    if (!capacityService.equals(r.capacityService)) {
      r.times = null;
    }
    r.capacityService = capacityService;
    r.lastTo = to;
    r.askedAt = now;
  }

  /** Bookings in {@code [from, to)} of a sorted array. */
  private static long count(long[] times, Instant from, Instant to) {
    return firstAtOrAfter(times, to.toEpochMilli()) - firstAtOrAfter(times, from.toEpochMilli());
  }

  private static int firstAtOrAfter(long[] times, long value) {
    int i = Arrays.binarySearch(times, value);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && times[i - 1] == value) {
      i--;
    }
    return i;
  }
}
