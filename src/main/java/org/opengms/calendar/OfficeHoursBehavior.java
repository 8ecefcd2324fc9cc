package org.opengms.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceBehavior;
import org.opengms.service.ServiceDefinition;
import org.opengms.service.ServiceSession;
import org.opengms.time.ServerClock;

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
