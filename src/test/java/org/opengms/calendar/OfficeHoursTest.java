package org.opengms.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfficeHoursTest {

  private static OfficeHours hours(String... keyValues) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      options.put(keyValues[i], keyValues[i + 1]);
    }
    return OfficeHours.from(options);
  }

  private static OfficeHours.Status at(OfficeHours h, String instant) {
    return h.statusAt(Instant.parse(instant));
  }

  private static void assertOpen(OfficeHours h, String instant) {
    assertTrue(at(h, instant).open(), () -> instant + " should be open: " + at(h, instant));
  }

  private static void assertClosed(OfficeHours h, String instant, String reason) {
    OfficeHours.Status s = at(h, instant);
    assertFalse(s.open(), () -> instant + " should be closed");
    assertEquals(reason, s.reason(), instant);
  }

  @Test
  void shouldListTheOpenPeriodsOfADayCutAtMidnightAndAcrossDaylightSaving() {
    OfficeHours h =
        hours(
            "_bh_regular1", "Mon-Fri 09:00-12:00,13:00-17:00",
            "_bh_regular2", "Sat 22:00-02:00",
            "_timezone", "Europe/Paris");

    // Monday 2030-01-07 (UTC+1): two periods
    assertEquals(
        java.util.List.of(
            new OfficeHours.Period(
                Instant.parse("2030-01-07T08:00:00Z"), Instant.parse("2030-01-07T11:00:00Z")),
            new OfficeHours.Period(
                Instant.parse("2030-01-07T12:00:00Z"), Instant.parse("2030-01-07T16:00:00Z"))),
        h.openPeriods(java.time.LocalDate.parse("2030-01-07")));
    // Sunday 2030-03-31, clocks jump at 02:00: the spill of Saturday's overnight range ends then
    assertEquals(
        java.util.List.of(
            new OfficeHours.Period(
                Instant.parse("2030-03-30T23:00:00Z"), Instant.parse("2030-03-31T01:00:00Z"))),
        h.openPeriods(java.time.LocalDate.parse("2030-03-31")));
    assertEquals(
        Instant.parse("2030-03-30T23:00:00Z"),
        h.openPeriods(java.time.LocalDate.parse("2030-03-30")).get(0).end());
    assertTrue(h.openPeriods(java.time.LocalDate.parse("2030-01-06")).size() == 1); // Sunday spill
  }

  @Test
  void shouldOpenOnWeekdaysWithinRegularHoursInUtcByDefault() {
    OfficeHours h = hours("_bh_regular1", "Mon-Fri 09:00-17:00");

    assertEquals(ZoneOffset.UTC, h.zone());
    // 2026-11-23 is a Monday
    assertOpen(h, "2026-11-23T09:00:00Z");
    assertOpen(h, "2026-11-27T16:59:59Z");
    assertClosed(h, "2026-11-23T08:59:59Z", "closed_no_match");
    assertClosed(h, "2026-11-23T17:00:00Z", "closed_no_match");
    assertClosed(h, "2026-11-28T12:00:00Z", "closed_day_of_week");
    assertClosed(h, "2026-11-29T12:00:00Z", "closed_day_of_week");
  }

  @Test
  void shouldCombineSeveralRegularRulesAndRanges() {
    OfficeHours h =
        hours(
            "_bh_regular1", "Mon-Fri 09:00-12:00,13:00-17:00",
            "_bh_regular2", "Sat 10:00-14:00");

    assertOpen(h, "2026-11-28T10:00:00Z");
    assertClosed(h, "2026-11-28T14:00:00Z", "closed_no_match");
    assertClosed(h, "2026-11-23T12:30:00Z", "closed_no_match");
    assertOpen(h, "2026-11-23T13:00:00Z");
    assertClosed(h, "2026-11-29T10:00:00Z", "closed_day_of_week");
  }

  @Test
  void shouldWrapDayRangesAroundTheWeek() {
    OfficeHours h = hours("_bh_regular1", "Sat-Mon 10:00-11:00");

    assertOpen(h, "2026-11-28T10:30:00Z"); // Saturday
    assertOpen(h, "2026-11-29T10:30:00Z"); // Sunday
    assertOpen(h, "2026-11-30T10:30:00Z"); // Monday
    assertClosed(h, "2026-12-01T10:30:00Z", "closed_day_of_week"); // Tuesday
  }

  @Test
  void shouldRunOvernightRangesIntoTheNextDay() {
    OfficeHours h = hours("_bh_regular1", "Fri 19:00-07:00");

    assertOpen(h, "2026-11-27T19:00:00Z"); // Friday evening
    assertOpen(h, "2026-11-28T06:59:00Z"); // Saturday morning, from Friday's shift
    assertClosed(h, "2026-11-28T07:00:00Z", "closed_no_match");
    assertClosed(h, "2026-11-27T18:59:00Z", "closed_no_match");
    assertClosed(h, "2026-11-26T23:00:00Z", "closed_day_of_week"); // Thursday
  }

  @Test
  void shouldAcceptWholeDaysAndSingleDigitHours() {
    OfficeHours h = hours("_bh_regular1", "Sun 00:00-24:00", "_bh_regular2", "mon 9:00-17:00");

    assertOpen(h, "2026-11-29T00:00:00Z");
    assertOpen(h, "2026-11-29T23:59:59Z");
    assertOpen(h, "2026-11-30T09:00:00Z");
  }

  @Test
  void shouldCloseOnHolidaysWholeOrPartAndEveryYearWithoutYear() {
    OfficeHours h =
        hours(
            "_bh_regular1", "Mon-Fri 09:00-17:00",
            "_holiday1", "2026-12-25",
            "_holiday2", "01-01",
            "_holiday3", "2026-12-31 14:00-24:00");

    assertClosed(h, "2026-12-25T10:00:00Z", "closed_holiday");
    assertOpen(h, "2027-12-24T10:00:00Z");
    assertOpen(h, "2027-12-27T10:00:00Z");
    assertClosed(h, "2027-01-01T10:00:00Z", "closed_holiday");
    assertClosed(h, "2031-01-01T10:00:00Z", "closed_holiday");
    assertOpen(h, "2026-12-31T13:59:00Z");
    assertClosed(h, "2026-12-31T14:00:00Z", "closed_holiday");
  }

  @Test
  void shouldOpenAdditionsEvenOnClosedDaysAndHolidays() {
    OfficeHours h =
        hours(
            "_bh_regular1", "Mon-Fri 09:00-17:00",
            "_holiday1", "2026-12-24",
            "_bh_add1", "2026-12-24 10:00-12:00",
            "_bh_add2", "11-28 10:00-12:00");

    assertOpen(h, "2026-12-24T11:00:00Z");
    assertClosed(h, "2026-12-24T13:00:00Z", "closed_holiday");
    assertOpen(h, "2026-11-28T10:00:00Z"); // a Saturday, every year
    assertOpen(h, "2027-11-28T10:00:00Z");
    assertClosed(h, "2026-11-28T12:00:00Z", "closed_day_of_week");
  }

  @Test
  void shouldReadRulesInTheServiceTimeZone() {
    OfficeHours h = hours("_bh_regular1", "Mon-Fri 09:00-17:00", "_timezone", "America/New_York");

    // 09:00 in New York in November (EST, UTC-5) is 14:00 UTC
    assertClosed(h, "2026-11-23T13:59:00Z", "closed_no_match");
    assertOpen(h, "2026-11-23T14:00:00Z");
    // Friday 16:59 in New York is Friday 21:59 UTC; Friday 17:00 there is 22:00 UTC
    assertOpen(h, "2026-11-27T21:59:00Z");
    // Saturday 01:00 UTC is still Friday 20:00 in New York: closed no match, not day of week
    assertClosed(h, "2026-11-28T01:00:00Z", "closed_no_match");
    // Monday 03:00 UTC is Sunday 22:00 in New York
    assertClosed(h, "2026-11-30T03:00:00Z", "closed_day_of_week");
  }

  @Test
  void shouldFollowSummerTimeInParis() {
    OfficeHours h = hours("_bh_regular1", "Mon-Sun 09:00-17:00", "_timezone", "Europe/Paris");

    // winter: UTC+1
    assertOpen(h, "2026-03-28T08:00:00Z");
    assertClosed(h, "2026-03-28T07:59:00Z", "closed_no_match");
    // 2026-03-29 is the last Sunday of March: UTC+2 from 01:00 UTC
    assertOpen(h, "2026-03-29T07:00:00Z");
    assertClosed(h, "2026-03-29T06:59:00Z", "closed_no_match");
    assertClosed(h, "2026-03-29T15:00:00Z", "closed_no_match");
    // 2026-10-25, last Sunday of October: back to UTC+1
    assertOpen(h, "2026-10-25T08:00:00Z");
    assertClosed(h, "2026-10-25T07:59:00Z", "closed_no_match");
    assertOpen(h, "2026-10-25T15:59:00Z");
  }

  @Test
  void shouldEndARangeInsideTheSpringGapWhenTheClocksJump() {
    // Paris, 2026-03-29: 02:00-03:00 local does not exist (01:00 UTC jumps to 03:00 CEST)
    OfficeHours ends = hours("_bh_regular1", "Sun 01:00-02:30", "_timezone", "Europe/Paris");
    assertOpen(ends, "2026-03-29T00:00:00Z"); // 01:00 CET
    assertOpen(ends, "2026-03-29T00:59:59Z"); // 01:59:59 CET
    assertClosed(ends, "2026-03-29T01:00:00Z", "closed_no_match"); // 03:00 CEST

    OfficeHours starts = hours("_bh_regular1", "Sun 02:30-04:00", "_timezone", "Europe/Paris");
    assertClosed(starts, "2026-03-29T00:59:59Z", "closed_no_match");
    assertOpen(starts, "2026-03-29T01:00:00Z"); // opens when the clocks jump
    assertClosed(starts, "2026-03-29T02:00:00Z", "closed_no_match"); // 04:00 CEST
  }

  @Test
  void shouldKeepTheRepeatedAutumnHourAsTheWallClockReadsIt() {
    // New York, 2026-11-01: 01:00-02:00 local happens twice (EDT then EST)
    OfficeHours h = hours("_bh_regular1", "Sun 01:00-01:30", "_timezone", "America/New_York");

    assertOpen(h, "2026-11-01T05:00:00Z"); // 01:00 EDT
    assertClosed(h, "2026-11-01T05:30:00Z", "closed_no_match"); // 01:30 EDT
    assertOpen(h, "2026-11-01T06:00:00Z"); // 01:00 EST, the second time
    assertClosed(h, "2026-11-01T06:30:00Z", "closed_no_match");
  }

  @Test
  void shouldApplyDatesInTheServiceZoneNotUtc() {
    OfficeHours h =
        hours(
            "_bh_regular1", "Mon-Sun 00:00-24:00",
            "_holiday1", "2026-12-25",
            "_timezone", "Pacific/Auckland");

    // 2026-12-24T11:00Z is already Dec 25, 00:00 in Auckland (UTC+13)
    assertOpen(h, "2026-12-24T10:59:00Z");
    assertClosed(h, "2026-12-24T11:00:00Z", "closed_holiday");
    assertOpen(h, "2026-12-25T11:00:00Z");
  }

  @Test
  void shouldAnswerTheReferenceJson() {
    assertEquals("{\"status\":\"open\"}", OfficeHours.Status.OPEN.toJson());
    assertEquals(
        "{\"status\":\"closed\",\"reason\":\"closed_day_of_week\"}",
        hours().statusAt(Instant.EPOCH).toJson());
  }

  @Test
  void shouldRefuseUnreadableRulesNamingTheOption() {
    assertRefused("_bh_regular1", "Mon-Fri", "_bh_regular1");
    assertRefused("_bh_regular1", "Mon-Fry 09:00-17:00", "Fry");
    assertRefused("_bh_regular1", "Mon-Fri 09:00-25:00", "impossible");
    assertRefused("_bh_regular1", "Mon-Fri 09:60-17:00", "impossible");
    assertRefused("_bh_regular1", "Mon-Fri 09:00-09:00", "same time");
    assertRefused("_bh_regular1", "Mon-Fri 9-17", "HH:mm");
    assertRefused("_bh_add1", "2026-12-24", "needs hours");
    assertRefused("_bh_add1", "2026-13-24 10:00-12:00", "_bh_add1");
    assertRefused("_holiday1", "2026-02-29", "_holiday1");
    assertRefused("_holiday1", "Christmas", "YYYY-MM-dd");
    assertRefused("_timezone", "Europe/Pariss", "time zone");
    assertRefused("_timezone", "EST5EDT6", "time zone");
  }

  @Test
  void shouldAcceptTheTwentyNinthOfFebruaryEveryYear() {
    OfficeHours h = hours("_bh_regular1", "Mon-Sun 00:00-24:00", "_holiday1", "02-29");

    assertClosed(h, "2028-02-29T12:00:00Z", "closed_holiday");
    assertOpen(h, "2027-02-28T12:00:00Z");
  }

  private static void assertRefused(String key, String value, String messagePart) {
    InvalidOptionException e =
        assertThrows(InvalidOptionException.class, () -> hours(key, value), value);
    assertEquals(key, e.option());
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }
}
