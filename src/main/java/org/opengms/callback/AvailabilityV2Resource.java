package org.opengms.callback;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opengms.api.RequestParams;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.calendar.CalendarServices;
import org.opengms.calendar.QueryPeriod;
import org.opengms.calendar.Slot;
import org.opengms.calendar.SlotCalendar;
import org.opengms.config.ConfigurationProvider;
import org.opengms.service.ServiceDefinition;
import org.opengms.time.ServerClock;
import org.opengms.time.Timestamps;

/**
 * Query-Availability v2 (GMS 8.5.1xx): {@code GET /2/service/callback/{name}/availability} → the
 * open slots as objects, each with its UTC and local time, the callbacks it still takes and its
 * capacity.
 *
 * <pre>
 * curl 'http://localhost:8080/genesys/2/service/callback/callback/availability?start-ms=1796310000000&amp;max-time-slots=2&amp;timezone=Europe/Paris'
 *   → {"timezone":"Europe/Paris","durationMin":5,"slots":[{"utcTime":"2026-12-03T15:00:00.000Z",
 *      "localTime":"2026-12-03T16:00:00.000+01:00","capacity":5,"total":5},...]}
 * </pre>
 *
 * {@code start} (ISO 8601) or {@code start-ms} (epoch milliseconds), default now; {@code end} or
 * {@code end-ms}, else {@code number-of-days}, else the end of the start's day; {@code
 * max-time-slots} (default 1000); {@code timezone} (IANA, default the calendar's zone) for {@code
 * localTime}; {@code report-busy=true} also lists open slots that are full, with capacity 0. Closed
 * slots are never listed. At most 31 days. Unknown service → 404; a bad parameter → 400.
 */
@Path("service/callback/{name}/availability")
@Produces(MediaType.APPLICATION_JSON)
public class AvailabilityV2Resource {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

  @Inject ConfigurationProvider configuration;
  @Inject CalendarServices calendars;
  @Inject ServerClock clock;

  @GET
  public Map<String, Object> availability(
      @PathParam("name") String name,
      @QueryParam("start") String start,
      @QueryParam("start-ms") String startMs,
      @QueryParam("end") String end,
      @QueryParam("end-ms") String endMs,
      @QueryParam("number-of-days") String numberOfDays,
      @QueryParam("max-time-slots") String maxTimeSlots,
      @QueryParam("timezone") String timezone,
      @QueryParam("report-busy") String reportBusy) {
    ServiceDefinition service = AvailabilityResource.callbackService(configuration, name);
    SlotCalendar slots = calendars.slots(service.name(), service.options());
    ZoneId zone = zone(timezone, slots.zone());
    boolean busy = flag("report-busy", reportBusy);
    Instant from = time("start", start, "start-ms", startMs, clock.now());
    Instant to = time("end", end, "end-ms", endMs, null);
    if (to == null) {
      if (numberOfDays != null && !numberOfDays.isBlank()) {
        to =
            from.plus(
                Duration.ofDays(RequestParams.intInRange("number-of-days", numberOfDays, 1, 31)));
      } else {
        LocalDateTime local = LocalDateTime.ofInstant(from, slots.zone());
        to = local.toLocalDate().plusDays(1).atStartOfDay(slots.zone()).toInstant();
      }
    }
    QueryPeriod.check(from, to);
    int max =
        maxTimeSlots == null || maxTimeSlots.isBlank()
            ? AvailabilityResource.DEFAULT_MAX_SLOTS
            : RequestParams.intInRange("max-time-slots", maxTimeSlots, 1, 100_000);
    List<Map<String, Object>> list = new ArrayList<>();
    long duration = 0;
    for (Slot s : slots.slots(from, to)) {
      if (list.size() >= max) {
        break;
      }
      duration = Duration.between(s.start(), s.end()).toMinutes();
      if (!slots.open(s)) {
        continue;
      }
      long left = slots.remaining(s);
      if (left > 0 || busy) {
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("utcTime", Timestamps.format(s.start()));
        slot.put("localTime", LOCAL.format(s.start().atZone(zone)));
        slot.put("capacity", left);
        slot.put("total", Math.max(0, slots.capacity(s)));
        list.add(slot);
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("timezone", zone.getId());
    answer.put("durationMin", duration);
    answer.put("slots", list);
    return answer;
  }

  /** {@code iso} or {@code ms}, not both; {@code fallback} when neither. */
  private static Instant time(
      String isoParam, String iso, String msParam, String ms, Instant fallback) {
    boolean hasIso = iso != null && !iso.isBlank();
    boolean hasMs = ms != null && !ms.isBlank();
    if (hasIso && hasMs) {
      throw new InvalidRequestException("Give " + isoParam + " or " + msParam + ", not both");
    }
    if (hasMs) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(ms.strip()));
      } catch (NumberFormatException | DateTimeException e) {
        throw new InvalidRequestException(
            msParam + " must be milliseconds since 1970-01-01T00:00:00Z, not " + ms);
      }
    }
    return RequestParams.instant(isoParam, iso, fallback);
  }

  private static ZoneId zone(String value, ZoneId fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw new InvalidRequestException(
          "timezone must be an IANA time zone such as Europe/Paris, not " + value);
    }
  }

  private static boolean flag(String param, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new InvalidRequestException(param + " must be true or false, not " + value);
    }
    return v.equals("true");
  }
}
