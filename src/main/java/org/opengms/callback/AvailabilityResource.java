package org.opengms.callback;

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
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengms.api.RequestParams;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.calendar.CalendarKeys;
import org.opengms.calendar.CalendarServices;
import org.opengms.calendar.QueryPeriod;
import org.opengms.calendar.SlotCalendar;
import org.opengms.config.ConfigurationProvider;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;
import org.opengms.time.ServerClock;
import org.opengms.time.Timestamps;

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

  @Inject ConfigurationProvider configuration;
  @Inject CalendarServices calendars;
  @Inject ServerClock clock;

  /** The configured callback service {@code name}; 404 when there is none. */
  static ServiceDefinition callbackService(ConfigurationProvider configuration, String name) {
    return configuration
        .current()
        .get(ServiceCatalog.class)
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
    Instant from = RequestParams.instant("start", start != null ? start : timestamp, clock.now());
    Instant to;
    if (end != null && !end.isBlank()) {
      to = RequestParams.instant("end", end, null);
    } else if (numberOfDays != null && !numberOfDays.isBlank()) {
      to =
          from.plus(
              Duration.ofDays(RequestParams.intInRange("number-of-days", numberOfDays, 1, 31)));
    } else {
      LocalDateTime local = LocalDateTime.ofInstant(from, slots.zone());
      to = local.toLocalDate().plusDays(1).atStartOfDay(slots.zone()).toInstant();
    }
    QueryPeriod.check(from, to);
    int max =
        maxTimeSlots == null || maxTimeSlots.isBlank()
            ? DEFAULT_MAX_SLOTS
            : RequestParams.intInRange("max-time-slots", maxTimeSlots, 1, 100_000);
    return keyed(slots.available(from, to, max));
  }

  /** {@code _service = callback}, or a service that names office hours or capacity. */
  static boolean isCallbackService(ServiceDefinition d) {
    return BuiltinService.CALLBACK.equals(d.service())
        || d.options().containsKey(CalendarKeys.BUSINESS_HOURS_SERVICE)
        || d.options().containsKey(CalendarKeys.CAPACITY_SERVICE);
  }

  /** Slots and their free places, keyed by the callback API's time format, in slot order. */
  static LinkedHashMap<String, Long> keyed(Map<Instant, Long> slots) {
    LinkedHashMap<String, Long> keyed = new LinkedHashMap<>();
    slots.forEach((t, n) -> keyed.put(Timestamps.format(t), n));
    return keyed;
  }
}
