package org.opengms.calendar;

import java.util.Map;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceDefinition;

/**
 * Checks the calendar options of a service section when the configuration loads, so a rule the
 * engines cannot read refuses the file (file:line: reason) instead of failing a request.
 */
public final class CalendarOptions {

  private CalendarOptions() {}

  public static void validate(ServiceDefinition d, IniDocument doc, IniDocument.Section s) {
    try {
      if (d.isBuiltin(BuiltinService.OFFICE_HOURS)) {
        OfficeHours.from(d.options());
      } else if (d.isBuiltin(BuiltinService.CAPACITY)) {
        CapacityPlan.from(d.options());
        bucket(d.options());
        maxPerBucket(d.options());
      } else if (d.options().containsKey(CalendarKeys.BUSINESS_HOURS_SERVICE)
          || d.options().containsKey(CalendarKeys.CAPACITY_SERVICE)
          || d.isBuiltin(BuiltinService.CALLBACK)) {
        bucket(d.options());
        maxPerBucket(d.options());
      }
    } catch (InvalidOptionException e) {
      int line = s.option(e.option()).map(IniDocument.Option::line).orElse(s.line());
      throw new ConfigurationException(doc.source(), line, "[" + s.name() + "] " + e.getMessage());
    }
  }

  /**
   * Refuses a service whose {@code _business_hours_service} or {@code _capacity_service} names no
   * configured service of that kind (a {@code $token$} value is checked when a request fills it).
   */
  public static void validateReferences(Map<String, ServiceDefinition> services, IniDocument doc) {
    for (ServiceDefinition d : services.values()) {
      reference(d, services, doc, CalendarKeys.BUSINESS_HOURS_SERVICE, BuiltinService.OFFICE_HOURS);
      reference(d, services, doc, CalendarKeys.CAPACITY_SERVICE, BuiltinService.CAPACITY);
    }
  }

  private static void reference(
      ServiceDefinition d,
      Map<String, ServiceDefinition> services,
      IniDocument doc,
      String key,
      String kind) {
    String name = d.options().get(key);
    if (name == null || name.isBlank() || name.contains("$")) {
      return;
    }
    ServiceDefinition target = services.get(name.trim());
    if (target == null || !target.isBuiltin(kind)) {
      String section = "service." + d.name();
      int line =
          doc.section(section).flatMap(s -> s.option(key)).map(IniDocument.Option::line).orElse(0);
      throw new ConfigurationException(
          doc.source(),
          line,
          "["
              + section
              + "] "
              + key
              + " names '"
              + name
              + "', which is not a configured "
              + kind
              + " service ([service."
              + name
              + "] with _type = builtin, _service = "
              + kind
              + ")");
    }
  }

  /** {@code _request_time_bucket}: null when absent (or a {@code $token$}). */
  static Integer bucket(Map<String, String> options) {
    String value = options.get(CalendarKeys.REQUEST_TIME_BUCKET);
    if (value == null || value.isBlank() || value.contains("$")) {
      return null;
    }
    try {
      int minutes = Integer.parseInt(value.trim());
      if (SlotCalendar.BUCKETS.contains(minutes)) {
        return minutes;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidOptionException(
        CalendarKeys.REQUEST_TIME_BUCKET,
        "'" + value + "' is not one of 5, 10, 15, 20, 30, 60, 120 (minutes)");
  }

  /** {@code _max_request_by_time_bucket}: null when absent (or a {@code $token$}). */
  static Integer maxPerBucket(Map<String, String> options) {
    String value = options.get(CalendarKeys.MAX_REQUEST_BY_TIME_BUCKET);
    if (value == null || value.isBlank() || value.contains("$")) {
      return null;
    }
    return CapacityPlan.positiveInt(options, CalendarKeys.MAX_REQUEST_BY_TIME_BUCKET, 0);
  }
}
