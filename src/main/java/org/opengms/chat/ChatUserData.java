package org.opengms.chat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengms.api.error.PayloadTooLargeException;

/** A chat's user data as stored: one JSON object of strings in one column, bounded. */
final class ChatUserData {

  /** Longest stored user data (JSON), in characters; more → 413. */
  static final int MAX_CHARS = 8192;

  private static final Jsonb JSON = JsonbBuilder.create();

  private ChatUserData() {}

  @SuppressWarnings("unchecked")
  static Map<String, String> parse(String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> raw = JSON.fromJson(json, LinkedHashMap.class);
    Map<String, String> data = new LinkedHashMap<>();
    raw.forEach((k, v) -> data.put(k, String.valueOf(v)));
    return data;
  }

  /** {@code json} with {@code data} merged in (a key's new value replaces its old one). */
  static String merge(String json, Map<String, String> data) {
    Map<String, String> merged = new java.util.LinkedHashMap<>(parse(json));
    merged.putAll(data);
    return format(merged);
  }

  static String format(Map<String, String> data) {
    if (data.isEmpty()) {
      return null;
    }
    String json = JSON.toJson(data);
    if (json.length() > MAX_CHARS) {
      throw new PayloadTooLargeException(
          "User data exceeds the limit of " + MAX_CHARS + " characters");
    }
    return json;
  }
}
