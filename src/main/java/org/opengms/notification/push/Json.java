package org.opengms.notification.push;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;

/** One JSON-B engine for the push payloads, tokens and answers (engines are costly to build). */
final class Json {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private Json() {}

  static String write(Object value) {
    return JSONB.toJson(value);
  }

  /** The object in {@code text}, or an empty map when it is not a JSON object. */
  static Map<?, ?> object(String text) {
    try {
      Object parsed = JSONB.fromJson(text, Object.class);
      return parsed instanceof Map<?, ?> map ? map : Map.of();
    } catch (RuntimeException e) {
      return Map.of();
    }
  }
}
