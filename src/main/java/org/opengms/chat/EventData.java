package org.opengms.chat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/** A transcript event's {@code userData} in its database column: a JSON object of strings. */
final class EventData {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type MAP =
      new LinkedHashMap<String, String>() {}.getClass().getGenericSuperclass();

  private EventData() {}

  static String toJson(Map<String, String> data) {
    return data == null || data.isEmpty() ? null : JSONB.toJson(new LinkedHashMap<>(data));
  }

  static Map<String, String> fromJson(String json) {
    return json == null || json.isBlank() ? Map.of() : JSONB.fromJson(json, MAP);
  }
}
