package org.opengms.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceBehavior;
import org.opengms.service.ServiceDefinition;
import org.opengms.service.ServiceSession;
import org.opengms.time.Timestamps;

/**
 * A capacity service on the Service API: GMS's Capacity API query {@code GET
 * /1/service/<capacity>?start=&end=[&timezone=]} answers each slot of the range that takes
 * callbacks, with its configured capacity and what {@link SlotBookings} leaves of it. Nothing is
 * created ({@code POST} → 405).
 */
@ApplicationScoped
public class CapacityBehavior implements ServiceBehavior {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  @Inject CalendarServices calendars;

  @Override
  public boolean handles(ServiceDefinition definition) {
    return definition.isBuiltin(BuiltinService.CAPACITY);
  }

  @Override
  public boolean creates() {
    return false;
  }

  @Override
  public Map<String, Object> created(
      ServiceSession session, ServiceDefinition definition, Map<String, String> serviceParams) {
    throw new IllegalStateException("capacity services are not created"); // creates() is false
  }

  @Override
  public Optional<Map<String, Object>> query(
      ServiceDefinition definition, Map<String, String> params) {
    // the capacity service seen as a callback service naming it: its own bucket and bookings
    SlotCalendar slots =
        calendars.slots(
            definition.name(), Map.of(CalendarKeys.CAPACITY_SERVICE, definition.name()));
    ZoneId zone = zone(params.get("timezone"), slots.zone());
    Instant from = time("start", params.get("start"), zone);
    Instant to = time("end", params.get("end"), zone);
    QueryPeriod.check(from, to);
    List<Map<String, Object>> answered = new ArrayList<>();
    for (Slot s : slots.slots(from, to)) {
      long capacity = slots.capacity(s);
      if (capacity > 0) {
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("start", LOCAL.format(s.start().atZone(zone)));
        slot.put("end", LOCAL.format(s.end().atZone(zone)));
        slot.put("capacity", capacity);
        slot.put("remaining", slots.remaining(s));
        answered.add(slot);
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("timezone", zone.getId());
    answer.put("slots", answered);
    return Optional.of(answer);
  }

  private static ZoneId zone(String value, ZoneId fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return ZoneId.of(value.trim());
    } catch (DateTimeException e) {
      throw new InvalidRequestException(
          "timezone must be an IANA time zone such as Europe/Paris, not " + value);
    }
  }

  /** GMS's local time without zone ({@code 2015-03-17T09:15:00.000}), or one with an offset. */
  static Instant time(String param, String value, ZoneId zone) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(param + " is required");
    }
    Instant withOffset = Timestamps.parse(value);
    if (withOffset != null) {
      return withOffset;
    }
    try {
      return LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw new InvalidRequestException(
          param + " must be an ISO 8601 time such as 2015-03-17T09:15:00.000, not " + value);
    }
  }
}
