package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengms.calendar.CalendarServices;
import org.opengms.calendar.CallbackServiceException;
import org.opengms.calendar.CapacityPlan;
import org.opengms.calendar.OfficeHours;
import org.opengms.calendar.SlotCalendar;
import org.opengms.config.GmsConfiguration;
import org.opengms.config.IniParser;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;

/** The admission rules against a real configuration, with bookings counted by a plain map. */
class CallbackAdmissionRulesTest {

  private static final String CONFIG =
      """
      [patterns.cb_exceptions]
      emergency = 911
      premium = 1900\\d+

      [service.oh]
      _type = builtin
      _service = office-hours
      _bh_regular1 = Mon-Fri 09:00-17:00
      _holiday1 = 12-25
      _timezone = Europe/Paris

      [service.cap]
      _type = builtin
      _service = capacity
      _capacity_1 = {"1":{"0900":2,"1000":1}}
      _timezone = Europe/Paris

      [service.cb]
      _type = builtin
      _service = callback
      _business_hours_service = oh
      _capacity_service = cap
      _request_time_bucket = 30
      _exceptions = cb_exceptions
      _default_country = US
      _disallow_premium_phone_numbers = true
      _disallow_impossible_phone_numbers = true

      [service.plain]
      _type = builtin
      _service = callback
      _max_request_by_time_bucket = 1
      """;

  /** Monday 2030-01-07, 10:00 in Paris. */
  private static final Instant MONDAY_10 = Instant.parse("2030-01-07T09:00:00Z");

  private final Map<Instant, Long> booked = new HashMap<>();
  private final List<String> keys = new ArrayList<>();

  private void check(String service, String number, Instant desired) throws IOException {
    GmsConfiguration config =
        new GmsConfiguration(IniParser.parse("t.ini", new StringReader(CONFIG)));
    ServiceDefinition d = config.get(ServiceCatalog.class).find(service).orElseThrow();
    SlotCalendar slots =
        CalendarServices.resolve(
            config,
            d.name(),
            d.options(),
            (key, from, to) -> {
              keys.add(key);
              return booked.entrySet().stream()
                  .filter(e -> !e.getKey().isBefore(from) && e.getKey().isBefore(to))
                  .mapToLong(Map.Entry::getValue)
                  .sum();
            },
            x -> OfficeHours.from(x.options()),
            x -> CapacityPlan.from(x.options()));
    CallbackAdmissionRules.check(
        config, slots, d.options(), number, desired, MONDAY_10.minusSeconds(7200));
  }

  @Test
  void shouldAdmitAValidNumberWhenOpenWithRoom() throws IOException {
    check("cb", "+1 650 253 0000", MONDAY_10);
    check("cb", "650 253 0000", MONDAY_10); // national, read with _default_country
    assertEquals("cap", keys.get(0));
  }

  @Test
  void shouldRefuseNumbersMatchingAnExceptionPattern() {
    CallbackServiceException e =
        assertThrows(CallbackServiceException.class, () -> check("cb", "911", MONDAY_10));
    assertEquals(
        "Customer Number [911] is not allowed. Check option 'exceptions' :"
            + " details={cb_exceptions=emergency}",
        e.getMessage());
  }

  @Test
  void shouldRefuseInvalidAndPremiumNumbers() {
    CallbackServiceException invalid =
        assertThrows(CallbackServiceException.class, () -> check("cb", "12", MONDAY_10));
    assertEquals(
        "Customer Number [12] is disallowed, because it is invalid. Check option"
            + " _disallow_impossible_phone_numbers",
        invalid.getMessage());
    CallbackServiceException premium =
        assertThrows(
            CallbackServiceException.class, () -> check("cb", "+1 900 555 0100", MONDAY_10));
    assertEquals(
        "Customer Number [+1 900 555 0100] is disallowed, because it's a premium number. Check"
            + " option _disallow_premium_phone_numbers",
        premium.getMessage());
  }

  @Test
  void shouldRefuseWhenTheOfficeIsClosedWithTheReferenceMessage() {
    CallbackServiceException weekend =
        assertThrows(
            CallbackServiceException.class,
            () -> check("cb", "+16502530000", Instant.parse("2030-01-12T10:00:00Z")));
    assertEquals("{\"status\":\"closed\",\"reason\":\"closed_day_of_week\"}", weekend.getMessage());
    CallbackServiceException evening =
        assertThrows(
            CallbackServiceException.class,
            () -> check("cb", "+16502530000", Instant.parse("2030-01-07T17:00:00Z")));
    assertEquals("{\"status\":\"closed\",\"reason\":\"closed_no_match\"}", evening.getMessage());
    CallbackServiceException christmas =
        assertThrows(
            CallbackServiceException.class,
            () -> check("cb", "+16502530000", Instant.parse("2030-12-25T10:00:00Z")));
    assertEquals("{\"status\":\"closed\",\"reason\":\"closed_holiday\"}", christmas.getMessage());
  }

  @Test
  void shouldRefuseAFullSlotProposingOthersInTimeOrder() {
    booked.put(Instant.parse("2030-01-07T08:30:00Z"), 2L); // 09:30 Paris: 2 of 2
    CallbackAvailabilityException e =
        assertThrows(
            CallbackAvailabilityException.class,
            () -> check("cb", "+16502530000", Instant.parse("2030-01-07T08:40:00Z")));

    assertEquals(
        "Too many requests at desired time [2030-01-07T08:30:00.000Z, 2030-01-07T09:00:00.000Z]."
            + " Proposing time slots.",
        e.getMessage());
    assertEquals(
        List.of("2030-01-07T08:00:00.000Z", "2030-01-07T09:00:00.000Z", "2030-01-07T09:30:00.000Z"),
        new ArrayList<>(e.availability().keySet()));
    assertEquals(2L, e.availability().get("2030-01-07T08:00:00.000Z"));
    assertEquals(1L, e.availability().get("2030-01-07T09:00:00.000Z"));
    assertEquals(Map.of("availability", e.availability()), e.extraFields());
  }

  @Test
  void shouldCountAgainstTheCallbackServiceWithoutACapacityService() {
    booked.put(Instant.parse("2030-01-12T03:00:00Z"), 1L);
    assertThrows(
        CallbackAvailabilityException.class,
        () -> check("plain", "anything", Instant.parse("2030-01-12T03:01:00Z")));
    assertEquals("plain", keys.get(0));
  }
}
