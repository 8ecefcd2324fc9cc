package org.opengms.calendar;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceDefinition;
import org.opengms.time.ServerClock;

/**
 * Query-Availability: {@code GET /1/service/callback/{name}/availability} → the open slots with
 * room, slot start (UTC) → callbacks left, in time order; closed and full slots are left out.
 *
 * <pre>
 * curl 'http://localhost:8080/genesys/1/service/callback/callback/availability?start=2026-12-03T15:00:00.000Z&amp;number-of-days=2'
 *   → 200 {"2026-12-03T15:00:00.000Z":5,"2026-12-03T15:05:00.000Z":4,...}
 * </pre>
 *
 * {@code start} (alias {@code timestamp}, default now), {@code end}, {@code number-of-days} (end =
 * start + n days), neither: to the end of the start's day in the calendar's zone; {@code
 * max-time-slots} caps the answer (default 1000). At most 31 days. Unknown service → 404; a bad
 * parameter → 400.
 */
@Path("service/callback/{name}/availability")
@Produces(MediaType.APPLICATION_JSON)
public class AvailabilityResource {

  static final int DEFAULT_MAX_SLOTS = 1000;
  static final Duration LONGEST = Duration.ofDays(31);

  @Inject ConfigurationProvider configuration;
  @Inject CalendarServices calendars;
  @Inject ServerClock clock;

  /** The configured callback service {@code name}; 404 when there is none. */
  static ServiceDefinition callbackService(ConfigurationProvider configuration, String name) {
    return configuration
        .current()
        .services()
        .find(name)
        .filter(AvailabilityResource::isCallbackService)
        .orElseThrow(
            () -> new ResourceNotFoundException("Callback service " + name + " not configured"));
  }

  @GET
  public Map<String, Long> availability(
      @PathParam("name") String name,
      @QueryParam("start") String start,
      @QueryParam("timestamp") String timestamp,
      @QueryParam("end") String end,
      @QueryParam("number-of-days") String numberOfDays,
      @QueryParam("max-time-slots") String maxTimeSlots) {
    ServiceDefinition service = AvailabilityResource.callbackService(configuration, name);
    SlotCalendar slots = calendars.slots(service.name(), service.options());
    Instant from = instant("start", start != null ? start : timestamp, clock.now());
    Instant to;
    if (end != null && !end.isBlank()) {
      to = instant("end", end, null);
    } else if (numberOfDays != null && !numberOfDays.isBlank()) {
      to = from.plus(Duration.ofDays(number("number-of-days", numberOfDays, 1, 31)));
    } else {
      LocalDateTime local = LocalDateTime.ofInstant(from, slots.zone());
      to = local.toLocalDate().plusDays(1).atStartOfDay(slots.zone()).toInstant();
    }
    if (to.isBefore(from)) {
      throw new InvalidRequestException("end is before start");
    }
    if (Duration.between(from, to).compareTo(LONGEST) > 0) {
      throw new InvalidRequestException("The period may not exceed 31 days");
    }
    int max =
        maxTimeSlots == null || maxTimeSlots.isBlank()
            ? DEFAULT_MAX_SLOTS
            : number("max-time-slots", maxTimeSlots, 1, 100_000);
    return Timestamps.keyed(slots.available(from, to, max));
  }

  /** {@code _service = callback}, or a service that names office hours or capacity. */
  static boolean isCallbackService(ServiceDefinition d) {
    return BuiltinService.CALLBACK.equals(d.service())
        || d.options().containsKey(CalendarKeys.BUSINESS_HOURS_SERVICE)
        || d.options().containsKey(CalendarKeys.CAPACITY_SERVICE);
  }

  static Instant instant(String param, String value, Instant fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    Instant t = Timestamps.parse(value);
    if (t == null) {
      throw new InvalidRequestException(
          param + " must be an ISO 8601 time such as 2026-05-28T15:30:00.000Z, not " + value);
    }
    return t;
  }

  static int number(String param, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(
        param + " must be a whole number from " + min + " to " + max + ", not " + value);
  }
}
