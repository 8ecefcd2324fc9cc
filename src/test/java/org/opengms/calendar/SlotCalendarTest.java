package org.opengms.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotCalendarTest {

  /** Bookings by slot start, as the callback engine would count them. */
  private final Map<Instant, Long> booked = new HashMap<>();

  private final List<String> keysAsked = new ArrayList<>();

  private final SlotBookings bookings =
      (service, from, to) -> {
        keysAsked.add(service);
        return booked.entrySet().stream()
            .filter(e -> !e.getKey().isBefore(from) && e.getKey().isBefore(to))
            .mapToLong(Map.Entry::getValue)
            .sum();
      };

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  private SlotCalendar calendar(int bucket, OfficeHours hours, CapacityPlan plan, Integer max) {
    return new SlotCalendar("cap", bucket, hours, plan, max, bookings);
  }

  @Test
  void shouldCutDaysIntoBucketsAlignedOnLocalMidnight() {
    SlotCalendar c = calendar(15, null, CapacityPlanTest.plan("_timezone", "Asia/Kolkata"), null);

    // Kolkata is UTC+05:30: local 10:00 is 04:30 UTC
    Slot s = c.slotAt(t("2026-11-23T04:40:00Z"));
    assertEquals(t("2026-11-23T04:30:00Z"), s.start());
    assertEquals(t("2026-11-23T04:45:00Z"), s.end());
    assertEquals(LocalDateTime.parse("2026-11-23T10:00"), s.localStart());
    assertEquals(4, c.slots(t("2026-11-23T04:30:00Z"), t("2026-11-23T05:30:00Z")).size());
  }

  @Test
  void shouldRefuseBucketsGmsDoesNotKnow() {
    assertThrows(IllegalArgumentException.class, () -> calendar(7, null, null, null));
  }

  @Test
  void shouldSubtractBookingsFromCapacityAndOmitFullAndClosedSlots() {
    OfficeHours hours = OfficeHours.from(Map.of("_bh_regular1", "Mon-Fri 09:00-10:00"));
    CapacityPlan plan = CapacityPlanTest.plan("_capacity_1", "{\"0900\":5}");
    SlotCalendar c = calendar(15, hours, plan, null);
    booked.put(t("2026-11-23T09:15:00Z"), 5L);
    booked.put(t("2026-11-23T09:30:00Z"), 2L);

    Map<Instant, Long> available =
        c.available(t("2026-11-23T08:00:00Z"), t("2026-11-23T12:00:00Z"), 100);

    assertEquals(
        List.of(t("2026-11-23T09:00:00Z"), t("2026-11-23T09:30:00Z"), t("2026-11-23T09:45:00Z")),
        new ArrayList<>(available.keySet()));
    assertEquals(5L, available.get(t("2026-11-23T09:00:00Z")));
    assertEquals(3L, available.get(t("2026-11-23T09:30:00Z")));
    assertTrue(keysAsked.stream().allMatch("cap"::equals));
    assertEquals(0, c.remaining(c.slotAt(t("2026-11-23T09:20:00Z"))));
  }

  @Test
  void shouldCapByMaxRequestsPerBucket() {
    SlotCalendar c = calendar(5, null, null, null);
    assertEquals(
        SlotCalendar.DEFAULT_MAX_REQUESTS, c.capacity(c.slotAt(t("2026-11-23T09:00:00Z"))));

    SlotCalendar capped =
        calendar(5, null, CapacityPlanTest.plan("_capacity_1", "{\"0900\":50}"), 3);
    assertEquals(3, capped.capacity(capped.slotAt(t("2026-11-23T09:00:00Z"))));
    SlotCalendar maxOnly = calendar(5, null, null, 2);
    booked.put(t("2026-11-23T09:00:00Z"), 2L);
    assertEquals(0, maxOnly.remaining(maxOnly.slotAt(t("2026-11-23T09:01:00Z"))));
  }

  @Test
  void shouldStopAtMaxTimeSlots() {
    SlotCalendar c = calendar(30, null, null, null);

    Map<Instant, Long> available =
        c.available(t("2026-11-23T00:00:00Z"), t("2026-11-30T00:00:00Z"), 3);

    assertEquals(
        List.of(t("2026-11-23T00:00:00Z"), t("2026-11-23T00:30:00Z"), t("2026-11-23T01:00:00Z")),
        new ArrayList<>(available.keySet()));
  }

  @Test
  void shouldSkipTheMissingSpringHourInParis() {
    SlotCalendar c =
        calendar(
            60,
            null,
            CapacityPlanTest.plan(
                "_timezone", "Europe/Paris", "_capacity_7", "{\"0100\":1,\"0200\":2,\"0300\":3}"),
            null);

    // 2026-03-29: local 00:00 CET = 23:00Z; 01:00 CET = 00:00Z; 03:00 CEST = 01:00Z
    List<Slot> slots = c.slots(t("2026-03-28T23:00:00Z"), t("2026-03-29T03:00:00Z"));

    assertEquals(
        List.of(
            t("2026-03-28T23:00:00Z"),
            t("2026-03-29T00:00:00Z"),
            t("2026-03-29T01:00:00Z"),
            t("2026-03-29T02:00:00Z")),
        slots.stream().map(Slot::start).toList());
    assertEquals(t("2026-03-29T01:00:00Z"), slots.get(1).end(), "01:00 CET lasts until the jump");
    assertEquals(LocalDateTime.parse("2026-03-29T03:00"), slots.get(2).localStart());
    assertEquals(3, c.capacity(slots.get(2)), "the slot after the jump is local 03:00");
  }

  @Test
  void shouldGiveTheRepeatedAutumnHourTwoSlotsInNewYork() {
    SlotCalendar c =
        calendar(
            60,
            null,
            CapacityPlanTest.plan("_timezone", "America/New_York", "_capacity_7", "{\"0100\":4}"),
            null);

    // 2026-11-01: 01:00 EDT = 05:00Z, 01:00 EST = 06:00Z, 02:00 EST = 07:00Z
    List<Slot> slots = c.slots(t("2026-11-01T04:00:00Z"), t("2026-11-01T08:00:00Z"));

    assertEquals(
        List.of(
            t("2026-11-01T04:00:00Z"),
            t("2026-11-01T05:00:00Z"),
            t("2026-11-01T06:00:00Z"),
            t("2026-11-01T07:00:00Z")),
        slots.stream().map(Slot::start).toList());
    assertEquals(4, c.capacity(slots.get(1)));
    assertEquals(4, c.capacity(slots.get(2)));
    assertEquals(0, c.capacity(slots.get(3)));
    assertEquals(slots.get(2), c.slotAt(t("2026-11-01T06:59:59Z")));
  }

  @Test
  void shouldMergeAGapSlotIntoTheSlotAfterWithTwoHourBuckets() {
    SlotCalendar c = calendar(120, null, CapacityPlanTest.plan("_timezone", "Europe/Paris"), null);

    // 2026-03-29: slots at local 00:00 (23:00Z), 02:00 does not exist -> starts at the jump
    // (01:00Z), 04:00 (02:00Z)
    List<Slot> slots = c.slots(t("2026-03-28T23:00:00Z"), t("2026-03-29T03:00:00Z"));

    assertEquals(
        List.of(t("2026-03-28T23:00:00Z"), t("2026-03-29T01:00:00Z"), t("2026-03-29T02:00:00Z")),
        slots.stream().map(Slot::start).toList());
    assertFalse(slots.get(0).contains(t("2026-03-29T01:00:00Z")));
  }
}
