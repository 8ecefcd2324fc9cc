package org.opengms.callback;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of callbacks and the callback API's timestamp format. */
final class CallbackViews {

  /** ISO 8601 UTC with milliseconds, as GMS writes callback times. */
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private CallbackViews() {}

  static String time(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  /** Parses an ISO 8601 instant ({@code 2013-05-28T15:30:00.000Z}, offsets allowed); 400 else. */
  /** Earliest and latest times accepted: later arithmetic (expiry, buckets) must not overflow. */
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  static Instant parseTime(String name, String value) {
    Instant time;
    String text = value.strip();
    try {
      time = java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        time = Instant.parse(text);
      } catch (DateTimeParseException e2) {
        throw new CallbackException(
            name
                + " must be an ISO 8601 time like 2013-05-28T15:30:00.000Z, not '"
                + (text.length() > 64 ? text.substring(0, 64) + "..." : text)
                + "'");
      }
    }
    if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
      throw new CallbackException(name + " must be a time between the years 1970 and 9999");
    }
    return time;
  }

  /**
   * A callback as queries answer it: its properties plus {@code _id}, {@code _desired_time}, {@code
   * _service_name}, {@code _callback_state}, {@code _callback_reason} (COMPLETED), {@code
   * _expiration_time}, {@code _customer_number} and {@code _url}.
   */
  static Map<String, Object> of(Callback c, String apiBase) {
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, String> props = c.properties();
    json.put("_id", c.getId());
    json.put("_service_name", c.getServiceName());
    json.put("_callback_state", c.getState().name());
    if (c.getState() == CallbackState.COMPLETED) {
      json.put("_callback_reason", c.getReason());
    }
    json.put("_desired_time", time(c.getDesiredTime()));
    json.put("_expiration_time", time(c.getExpiresAt()));
    json.put("_customer_number", c.getCustomerNumber());
    json.put("_url", apiBase + "service/callback/" + c.getServiceName() + "/" + c.getId());
    if (c.getAgent() != null) {
      json.put("_agent", c.getAgent());
    }
    props.forEach(json::putIfAbsent);
    return json;
  }

  /** The confirmation dialog of an immediate start (later GMS 8.5 releases). */
  static Map<String, Object> confirmation(String id, String text) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("_dialog_id", "0");
    json.put("_action", "ConfirmationDialog");
    json.put("_text", text);
    json.put("_ok_title", "Ok");
    json.put("_id", id);
    return json;
  }
}
