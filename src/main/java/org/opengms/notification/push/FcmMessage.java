package org.opengms.notification.push;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The FCM HTTP v1 request body for one delivery. The app reads the GMS message from the data
 * payload's {@code message} key (as the reference's Android clients read {@code data.message});
 * {@code tag} carries the event's tag. A notification block (shown by the system) is added when
 * {@code fcm.title} or {@code fcm.body} is set.
 *
 * <p>Attributes ({@code fcm.*}, or the older {@code gcm.*} names): {@code title}, {@code body}
 * (defaults to the message when a title is set), {@code priority} (high, the default, or normal),
 * {@code ttl} (seconds), {@code collapse_key}, {@code sound}, {@code channel_id}.
 */
record FcmMessage(String body, int payloadBytes) {

  /** FCM's limit for a message's data and notification payload. */
  static final int MAX_PAYLOAD_BYTES = 4000;

  static FcmMessage of(String token, String message, String tag, Map<String, String> attributes) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("message", message);
    data.put("tag", tag);
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("data", data);
    String title = attribute(attributes, "title");
    String text = attribute(attributes, "body");
    if (title != null || text != null) {
      Map<String, Object> notification = new LinkedHashMap<>();
      put(notification, "title", title);
      notification.put("body", text != null ? text : message);
      content.put("notification", notification);
    }
    int payloadBytes = Json.write(content).getBytes(StandardCharsets.UTF_8).length;

    Map<String, Object> android = new LinkedHashMap<>();
    android.put(
        "priority",
        "normal".equalsIgnoreCase(attribute(attributes, "priority")) ? "NORMAL" : "HIGH");
    String ttl = attribute(attributes, "ttl");
    if (ttl != null && ttl.matches("\\d+")) {
      android.put("ttl", ttl + "s");
    }
    put(android, "collapse_key", attribute(attributes, "collapse_key"));
    Map<String, Object> androidNotification = new LinkedHashMap<>();
    put(androidNotification, "sound", attribute(attributes, "sound"));
    put(androidNotification, "channel_id", attribute(attributes, "channel_id"));
    if (!androidNotification.isEmpty() && content.containsKey("notification")) {
      android.put("notification", androidNotification);
    }
    Map<String, Object> fcmMessage = new LinkedHashMap<>();
    fcmMessage.put("token", token);
    fcmMessage.putAll(content);
    fcmMessage.put("android", android);
    return new FcmMessage(Json.write(Map.of("message", fcmMessage)), payloadBytes);
  }

  private static String attribute(Map<String, String> attributes, String name) {
    String value = attributes.get("fcm." + name);
    if (value == null) {
      value = attributes.get("gcm." + name);
    }
    return value == null || value.isEmpty() ? null : value;
  }

  private static void put(Map<String, Object> into, String name, String value) {
    if (value != null) {
      into.put(name, value);
    }
  }
}
