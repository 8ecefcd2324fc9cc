package org.opengms.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengms.api.RequestParams;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceBehavior;
import org.opengms.service.ServiceDefinition;
import org.opengms.service.ServiceSession;
import org.opengms.time.ServerClock;
import org.opengms.time.Timestamps;

/**
 * An office-hours service on the Service API: {@code POST /1/service/<office-hours>} answers
 * whether the office is open now, in the words of the reference's business hours errors: {@code
 * {"_id":"...","status":"open"}} or {@code {"_id":"...","status":"closed","reason":
 * "closed_day_of_week"}}; {@code POST /1/service/{id}/status} asks again.
 */
@ApplicationScoped
public class OfficeHoursBehavior implements ServiceBehavior {

  @Inject CalendarServices calendars;
  @Inject ServerClock clock;

  @Override
  public boolean handles(ServiceDefinition definition) {
    return definition.isBuiltin(BuiltinService.OFFICE_HOURS);
  }

  @Override
  public Map<String, Object> created(
      ServiceSession session, ServiceDefinition definition, Map<String, String> serviceParams) {
    return status(definition);
  }

  @Override
  public Optional<Map<String, Object>> request(
      String request,
      ServiceSession session,
      ServiceDefinition definition,
      Map<String, String> params) {
    if (!"status".equals(request)) {
      return Optional.empty();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("_id", session.getId());
    answer.putAll(status(definition));
    return Optional.of(answer);
  }

  /**
   * GMS's Calendar Service query, {@code GET /1/service/<office-hours>?start=&end=} (or {@code
   * number-of-days}): the open periods of every local day from start's to end's that overlap {@code
   * [start, end]}; without parameters start = end = now, so no period means closed now.
   */
  @Override
  public Optional<Map<String, Object>> query(
      ServiceDefinition definition, Map<String, String> params) {
    OfficeHours hours = calendars.officeHours(definition);
    Instant from =
        RequestParams.instant(
            "start", params.getOrDefault("start", params.get("timestamp")), clock.now());
    Instant to = from;
    if (params.get("end") != null && !params.get("end").isBlank()) {
      to = RequestParams.instant("end", params.get("end"), null);
    } else if (params.get("number-of-days") != null && !params.get("number-of-days").isBlank()) {
      to =
          from.plus(
              Duration.ofDays(
                  RequestParams.intInRange("number-of-days", params.get("number-of-days"), 1, 31)));
    }
    QueryPeriod.check(from, to);
    List<Map<String, Object>> days = new ArrayList<>();
    LocalDate last = LocalDate.ofInstant(to, hours.zone());
    for (LocalDate d = LocalDate.ofInstant(from, hours.zone());
        !d.isAfter(last);
        d = d.plusDays(1)) {
      List<Map<String, String>> periods = new ArrayList<>();
      for (OfficeHours.Period p : hours.openPeriods(d)) {
        if (overlaps(p, from, to)) {
          Map<String, String> period = new LinkedHashMap<>();
          period.put("start", Timestamps.format(p.start()));
          period.put("end", Timestamps.format(p.end()));
          periods.add(period);
        }
      }
      Map<String, Object> day = new LinkedHashMap<>();
      day.put("date", d.toString());
      day.put("periods", periods);
      days.add(day);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("timezone", hours.zone().getId());
    answer.put("start", Timestamps.format(from));
    answer.put("end", Timestamps.format(to));
    answer.put("days", days);
    return Optional.of(answer);
  }

  /** A period touching {@code [from, to)}, or holding {@code from} when the range is an instant. */
  static boolean overlaps(OfficeHours.Period p, Instant from, Instant to) {
    return p.end().isAfter(from)
        && (from.equals(to) ? !p.start().isAfter(from) : p.start().isBefore(to));
  }

  private Map<String, Object> status(ServiceDefinition definition) {
    OfficeHours.Status status = calendars.officeHours(definition).statusAt(clock.now());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", status.open() ? "open" : "closed");
    if (!status.open()) {
      answer.put("reason", status.reason());
    }
    return answer;
  }
}
