package org.opengms.callback;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengms.api.JsonInput;
import org.opengms.api.error.InvalidRequestException;

/** JSON reading and writing of callback bodies and stored properties. */
final class CallbackJson {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type STRING_MAP =
      new LinkedHashMap<String, String>() {}.getClass().getGenericSuperclass();
  private static final Type OBJECT_MAP =
      new LinkedHashMap<String, Object>() {}.getClass().getGenericSuperclass();

  private CallbackJson() {}

  static Map<String, String> readProperties(String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    return JSONB.fromJson(json, STRING_MAP);
  }

  static String writeProperties(Map<String, String> values) {
    return JSONB.toJson(values);
  }

  static String write(Object value) {
    return JSONB.toJson(value);
  }

  static Map<String, Object> readObject(String json) {
    return JSONB.fromJson(json, OBJECT_MAP);
  }

  /**
   * A JSON object body as string values (numbers and booleans as written; nested values as their
   * JSON text); 400 when it is not a JSON object.
   */
  static Map<String, String> readBody(String body) {
    if (body == null || body.isBlank()) {
      return new LinkedHashMap<>();
    }
    JsonInput.check(body);
    if (!body.strip().startsWith("{")) {
      throw new InvalidRequestException("The body must be a JSON object");
    }
    Map<String, Object> raw = JsonInput.parse(body, OBJECT_MAP, "a JSON object");
    Map<String, String> values = new LinkedHashMap<>();
    raw.forEach(
        (k, v) -> {
          if (v == null) {
            values.put(k, "");
          } else if (v instanceof String s) {
            values.put(k, s);
          } else if (v instanceof java.math.BigDecimal d) {
            values.put(k, d.stripTrailingZeros().toPlainString());
          } else if (v instanceof Number || v instanceof Boolean) {
            values.put(k, v.toString());
          } else {
            values.put(k, JSONB.toJson(v));
          }
        });
    return values;
  }
}
