package org.opengms.testing;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/** Reads JSON answers in tests. */
public final class Json {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type MAP =
      new HashMap<String, Object>() {}.getClass().getGenericSuperclass();

  private Json() {}

  public static Map<String, Object> object(String json) {
    return JSONB.fromJson(json, MAP);
  }

  /** A JSON array of objects. */
  @SuppressWarnings("unchecked")
  public static java.util.List<Map<String, Object>> list(String json) {
    return JSONB.fromJson(json, java.util.List.class);
  }
}
