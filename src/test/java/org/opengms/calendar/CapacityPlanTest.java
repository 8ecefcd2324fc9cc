package org.opengms.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityPlanTest {

  static CapacityPlan plan(String... keyValues) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      options.put(keyValues[i], keyValues[i + 1]);
    }
    return CapacityPlan.from(options);
  }

  private static int at(CapacityPlan p, String local) {
    return p.capacityAt(LocalDateTime.parse(local));
  }

  @Test
  void shouldReadGmsWeeklyTablesPerHour() {
    // the GMS sample: day 1 is Monday
    CapacityPlan p =
        plan(
            "_capacity", "[Mon, Tue, Wed, Thu, Fri, Sat, Sun]",
            "_capacity_1", "{\"1\":{\"0000\":1,\"0100\":3}}",
            "_capacity_7", "{\"7\":{\"0900\":6}}",
            "_capacity_add", "{}",
            "_timezone", "Europe/Paris");

    assertEquals(ZoneId.of("Europe/Paris"), p.zone());
    // 2026-11-23 is a Monday
    assertEquals(1, at(p, "2026-11-23T00:00"));
    assertEquals(1, at(p, "2026-11-23T00:55"));
    assertEquals(3, at(p, "2026-11-23T01:30"));
    assertEquals(0, at(p, "2026-11-23T02:00"), "an hour without a key has no capacity");
    assertEquals(6, at(p, "2026-11-29T09:45"));
    assertEquals(0, at(p, "2026-11-24T09:00"), "a day without a table has no capacity");
  }

  @Test
  void shouldEndAKeyAtTheNextKeyWithinTheHour() {
    CapacityPlan p = plan("_capacity_2", "{\"0900\":5, \"0930\":2}");

    assertEquals(5, at(p, "2026-11-24T09:00"));
    assertEquals(5, at(p, "2026-11-24T09:25"));
    assertEquals(2, at(p, "2026-11-24T09:30"));
    assertEquals(2, at(p, "2026-11-24T10:29"));
    assertEquals(0, at(p, "2026-11-24T10:30"));
  }

  @Test
  void shouldReplaceTheWeekdayTableOnDatedOverrides() {
    CapacityPlan p =
        plan(
            "_capacity_4", "{\"4\":{\"1000\":5,\"1100\":5}}",
            "_capacity_add", "{\"2026-12-24\":{\"1000\":1}, \"2026-12-31\":{}}");

    assertEquals(5, at(p, "2026-12-17T10:00"));
    assertEquals(1, at(p, "2026-12-24T10:00"));
    assertEquals(0, at(p, "2026-12-24T11:00"), "the dated table replaces the whole day");
    assertEquals(0, at(p, "2026-12-31T10:00"));
  }

  @Test
  void shouldRefuseUnreadableTables() {
    assertRefused("_capacity_1", "{\"1\":{\"0900\":\"five\"}}", "HHmm");
    assertRefused("_capacity_1", "{\"2\":{\"0900\":5}}", "day 2");
    assertRefused("_capacity_1", "{\"2500\":5}", "not a time");
    assertRefused("_capacity_8", "{\"0900\":5}", "1 (Monday) to 7");
    assertRefused("_capacity_1", "09:00 5", "HHmm");
    assertRefused("_capacity_add", "{\"tomorrow\":{\"0900\":5}}", "date");
    assertRefused("_capacity_add", "{\"2026-02-30\":{\"0900\":5}}", "not a date");
    assertRefused("_capacity_add", "[2026-12-24]", "YYYY-MM-dd");
  }

  @Test
  void shouldRefuseCapacitiesAboveTheMaximum() {
    InvalidOptionException e =
        assertThrows(
            InvalidOptionException.class,
            () -> plan("_max_capacity", "10", "_capacity_1", "{\"0900\":11}"));
    assertTrue(e.getMessage().contains("_max_capacity 10"), e.getMessage());
    InvalidOptionException defaultMax =
        assertThrows(InvalidOptionException.class, () -> plan("_capacity_1", "{\"0900\":1001}"));
    assertTrue(defaultMax.getMessage().contains("_max_capacity 1000"), defaultMax.getMessage());
  }

  private static void assertRefused(String key, String value, String messagePart) {
    InvalidOptionException e =
        assertThrows(InvalidOptionException.class, () -> plan(key, value), value);
    assertEquals(key, e.option());
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }
}
