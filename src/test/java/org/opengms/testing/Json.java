package org.opengms.testing;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads JSON answers in tests. */
public final class Json {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type MAP =
      new HashMap<String, Object>() {}.getClass().getGenericSuperclass();
  private static final Type LIST_OF_MAPS =
      new ArrayList<Map<String, Object>>() {}.getClass().getGenericSuperclass();

  private Json() {}

  public static Map<String, Object> object(String json) {
    return JSONB.fromJson(json, MAP);
  }

  /** Any JSON value: a map, a list, a string, a number, a boolean or null. */
  public static Object value(String json) {
    return JSONB.fromJson(json, Object.class);
  }

  /** {@code text} as a JSON string literal. */
  public static String quote(String text) {
    return JSONB.toJson(text);
  }

  /** A JSON array of objects. */
  public static List<Map<String, Object>> list(String json) {
    return objects(json);
  }

  /** A JSON array of objects, e.g. a batch of Bayeux messages. */
  public static List<Map<String, Object>> objects(String json) {
    return JSONB.fromJson(json, LIST_OF_MAPS);
  }
}
