package org.opengms.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The slots of one callback service and what is left in each: office hours decide whether a slot is
 * open, the capacity service (or {@code _max_request_by_time_bucket}) how many callbacks it takes,
 * {@link SlotBookings} how many it already has.
 *
 * <p>Slots are {@code _request_time_bucket} minutes of wall-clock time from local midnight in the
 * calendar's zone (the capacity service's, else the office hours', else UTC). A slot whose local
 * start does not exist (clocks jumping forward) starts when the clocks jump, or merges into the
 * next slot if that starts at the same instant; a local start that occurs twice (clocks falling
 * back) gives two slots, each with the capacity of that local time. A slot ends where the next
 * begins.
 */
public final class SlotCalendar {

  /** The slot lengths GMS allows, in minutes. */
  public static final Set<Integer> BUCKETS = Set.of(5, 10, 15, 20, 30, 60, 120);

  public static final int DEFAULT_BUCKET = 5;
  public static final int DEFAULT_MAX_REQUESTS = 100;

  private final String bookingKey;
  private final ZoneId zone;
  private final int bucketMinutes;
  private final OfficeHours officeHours;
  private final CapacityPlan capacity;
  private final Integer maxPerBucket;
  private final SlotBookings bookings;

  /**
   * @param bookingKey the name {@link SlotBookings} counts under: the capacity service, else the
   *     callback service itself
   * @param officeHours null: always open
   * @param capacity null: every slot takes {@code maxPerBucket}
   * @param maxPerBucket {@code _max_request_by_time_bucket}; null: 100 without a capacity service,
   *     no cap with one
   */
  public SlotCalendar(
      String bookingKey,
      int bucketMinutes,
      OfficeHours officeHours,
      CapacityPlan capacity,
      Integer maxPerBucket,
      SlotBookings bookings) {
    if (!BUCKETS.contains(bucketMinutes)) {
      throw new IllegalArgumentException("bucket " + bucketMinutes + " not in " + BUCKETS);
    }
    this.bookingKey = bookingKey;
    this.bucketMinutes = bucketMinutes;
    this.officeHours = officeHours;
    this.capacity = capacity;
    this.maxPerBucket = maxPerBucket;
    this.bookings = bookings;
    this.zone =
        capacity != null
            ? capacity.zone()
            : officeHours != null ? officeHours.zone() : ZoneOffset.UTC;
  }

  public ZoneId zone() {
    return zone;
  }

  public OfficeHours officeHours() {
    return officeHours;
  }

  /** Local hours either side of an instant that cover any offset change. */
  private static final Duration MARGIN = Duration.ofHours(3);

  /** The slot {@code t} falls in. */
  public Slot slotAt(Instant t) {
    Slot found = null;
    for (Slot s : enumerate(t, t)) {
      if (!s.start().isAfter(t)) {
        found = s;
      }
    }
    return found;
  }

  /** The slots starting in {@code [from, to)}, in time order. */
  public List<Slot> slots(Instant from, Instant to) {
    List<Slot> result = new ArrayList<>();
    if (!from.isBefore(to)) {
      return result;
    }
    for (Slot s : enumerate(from, to)) {
      if (!s.start().isBefore(from) && s.start().isBefore(to)) {
        result.add(s);
      }
    }
    return result;
  }

  /**
   * Slots around {@code [from, to]}: local starts every bucket from local midnight, from a little
   * before {@code from} to a little after {@code to}, each ending where the next starts.
   */
  private List<Slot> enumerate(Instant from, Instant to) {
    ZoneRules rules = zone.getRules();
    LocalDateTime first = LocalDateTime.ofInstant(from, zone).minus(MARGIN);
    int minuteOfDay = first.getHour() * 60 + first.getMinute();
    LocalDateTime local =
        first.toLocalDate().atStartOfDay().plusMinutes(minuteOfDay / bucketMinutes * bucketMinutes);
    LocalDateTime last = LocalDateTime.ofInstant(to, zone).plus(MARGIN);
    List<Instant> starts = new ArrayList<>();
    List<LocalDateTime> locals = new ArrayList<>();
    for (; !local.isAfter(last); local = local.plusMinutes(bucketMinutes)) {
      List<ZoneOffset> offsets = rules.getValidOffsets(local);
      if (offsets.isEmpty()) {
        ZoneOffsetTransition gap = rules.getTransition(local);
        add(starts, locals, gap.getInstant(), local);
      } else if (offsets.size() == 1) {
        add(starts, locals, local.toInstant(offsets.get(0)), local);
      } else {
        // the hour repeats: the earlier instant first
        Instant a = local.toInstant(offsets.get(0));
        Instant b = local.toInstant(offsets.get(1));
        add(starts, locals, a.isBefore(b) ? a : b, local);
        add(starts, locals, a.isBefore(b) ? b : a, local);
      }
    }
    List<Slot> slots = new ArrayList<>(starts.size());
    for (int i = 0; i + 1 < starts.size(); i++) {
      slots.add(new Slot(starts.get(i), starts.get(i + 1), locals.get(i)));
    }
    return slots;
  }

  private static void add(
      List<Instant> starts, List<LocalDateTime> locals, Instant start, LocalDateTime local) {
    if (!starts.isEmpty() && !start.isAfter(starts.get(starts.size() - 1))) {
      if (start.equals(starts.get(starts.size() - 1))) {
        locals.set(locals.size() - 1, local); // a skipped local time: the real one names the slot
      }
      return;
    }
    starts.add(start);
    locals.add(local);
  }

  /** Whether the office is open at the slot's start. */
  public boolean open(Slot slot) {
    return officeHours == null || officeHours.statusAt(slot.start()).open();
  }

  /** The callbacks the slot takes in all. */
  public long capacity(Slot slot) {
    if (capacity == null) {
      return maxPerBucket == null ? DEFAULT_MAX_REQUESTS : maxPerBucket;
    }
    long c = capacity.capacityAt(slot.localStart());
    return maxPerBucket == null ? c : Math.min(c, maxPerBucket);
  }

  /** The callbacks the slot still takes (0 or more). */
  public long remaining(Slot slot) {
    long left = capacity(slot);
    if (left <= 0) {
      return 0;
    }
    return Math.max(0, left - bookings.booked(bookingKey, slot.start(), slot.end()));
  }

  /**
   * Open slots with room, starting in {@code [from, to)}, at most {@code max}: slot start →
   * callbacks left, in time order.
   */
  public Map<Instant, Long> available(Instant from, Instant to, int max) {
    Map<Instant, Long> result = new LinkedHashMap<>();
    for (Slot s : slots(from, to)) {
      if (result.size() >= max) {
        break;
      }
      if (open(s)) {
        long left = remaining(s);
        if (left > 0) {
          result.put(s.start(), left);
        }
      }
    }
    return result;
  }
}
