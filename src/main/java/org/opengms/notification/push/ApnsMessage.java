package org.opengms.notification.push;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The APNs request for one delivery: the JSON payload and the apns-* headers, from the message and
 * the OS attributes ({@code apple.*}) of the option hierarchy. The app reads the GMS message under
 * the payload's {@code message} key, as the reference's iOS clients do; {@code tag} carries the
 * event's tag.
 *
 * <p>Attributes: {@code apple.alertMessage.title|subtitle|body|loc-key|loc-args|title-loc-key|
 * action-loc-key|launch-image} (body defaults to the message), {@code apple.badge}, {@code
 * apple.sound}, {@code apple.category}, {@code apple.thread-id}, {@code apple.content-available},
 * {@code apple.mutable-content}, {@code apple.push_type} (alert, or background: no alert, priority
 * 5), {@code apple.priority} (10, 5 or 1), {@code apple.expiration} (seconds APNs keeps an
 * undelivered notification; default 86400, 0 = try once), {@code apple.collapse_id}.
 */
record ApnsMessage(String payload, Map<String, String> headers) {

  /** APNs' limit for a regular (non-VoIP) notification payload. */
  static final int MAX_PAYLOAD_BYTES = 4096;

  static final String PREFIX = "apple.";
  private static final String ALERT = "apple.alertMessage.";

  static ApnsMessage of(
      String message, String tag, Map<String, String> attributes, String topic, Instant now) {
    String pushType = attributes.getOrDefault("apple.push_type", "alert");
    boolean background = pushType.equals("background");
    Map<String, Object> aps = new LinkedHashMap<>();
    if (!background) {
      Map<String, Object> alert = new LinkedHashMap<>();
      for (String field :
          new String[] {"title", "subtitle", "title-loc-key", "action-loc-key", "launch-image"}) {
        put(alert, field, attributes.get(ALERT + field));
      }
      alert.put("body", attributes.getOrDefault(ALERT + "body", message));
      put(alert, "loc-key", attributes.get(ALERT + "loc-key"));
      String locArgs = attributes.get(ALERT + "loc-args");
      if (locArgs != null && !locArgs.isEmpty()) {
        alert.put("loc-args", Arrays.stream(locArgs.split(",")).map(String::strip).toList());
      }
      aps.put("alert", alert);
      Integer badge = integer(attributes.get("apple.badge"));
      if (badge != null) {
        aps.put("badge", badge);
      }
      put(aps, "sound", attributes.get("apple.sound"));
      put(aps, "category", attributes.get("apple.category"));
      put(aps, "thread-id", attributes.get("apple.thread-id"));
    }
    if (background || "1".equals(attributes.get("apple.content-available"))) {
      aps.put("content-available", 1);
    }
    if ("1".equals(attributes.get("apple.mutable-content"))) {
      aps.put("mutable-content", 1);
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("aps", aps);
    payload.put("message", message);
    payload.put("tag", tag);

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("apns-topic", topic);
    headers.put("apns-push-type", pushType);
    headers.put(
        "apns-priority", attributes.getOrDefault("apple.priority", background ? "5" : "10"));
    Integer keep = integer(attributes.get("apple.expiration"));
    long seconds = keep == null ? 86_400 : keep;
    headers.put(
        "apns-expiration", seconds <= 0 ? "0" : Long.toString(now.getEpochSecond() + seconds));
    String collapse = attributes.get("apple.collapse_id");
    if (collapse != null && !collapse.isEmpty()) {
      headers.put("apns-collapse-id", collapse);
    }
    return new ApnsMessage(Json.write(payload), Map.copyOf(headers));
  }

  int payloadBytes() {
    return payload.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void put(Map<String, Object> into, String name, String value) {
    if (value != null && !value.isEmpty()) {
      into.put(name, value);
    }
  }

  private static Integer integer(String value) {
    try {
      return value == null ? null : Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
