package org.opengms.api.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a JSON value fits a described schema, as far as clients rely on it: required fields
 * present, {@code type} and {@code const} of the fields described, recursively. Not a full JSON
 * Schema validator (no formats, patterns or combinators): the error bodies and answers we check use
 * none.
 */
final class SchemaCheck {

  private final OpenApiDocument document;

  SchemaCheck(OpenApiDocument document) {
    this.document = document;
  }

  /** What does not fit, one line each; empty when {@code value} fits {@code schema}. */
  List<String> problems(Object schema, Object value, String where) {
    List<String> problems = new ArrayList<>();
    check(document.resolve(schema), value, where, problems);
    return problems;
  }

  private void check(Map<String, Object> schema, Object value, String where, List<String> out) {
    Object type = schema.get("type");
    if (type != null && !hasType(String.valueOf(type), value)) {
      out.add(where + ": expected " + type + ", got " + value);
      return;
    }
    if (schema.containsKey("const") && !sameJson(schema.get("const"), value)) {
      out.add(where + ": expected " + schema.get("const") + ", got " + value);
    }
    if (value instanceof Map<?, ?> object) {
      if (schema.get("required") instanceof List<?> required) {
        for (Object name : required) {
          if (!object.containsKey(name)) {
            out.add(where + ": required field " + name + " missing");
          }
        }
      }
      if (schema.get("properties") instanceof Map<?, ?> properties) {
        properties.forEach(
            (name, sub) -> {
              if (object.containsKey(name)) {
                check(document.resolve(sub), object.get(name), where + "." + name, out);
              }
            });
      }
    }
    if (value instanceof List<?> array && schema.get("items") != null) {
      Map<String, Object> items = document.resolve(schema.get("items"));
      for (int i = 0; i < array.size(); i++) {
        check(items, array.get(i), where + "[" + i + "]", out);
      }
    }
  }

  private static boolean hasType(String type, Object value) {
    return switch (type) {
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      case "string" -> value instanceof String;
      case "boolean" -> value instanceof Boolean;
      case "integer" -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
      case "number" -> value instanceof Number;
      case "null" -> value == null;
      default -> true;
    };
  }

  private static boolean sameJson(Object expected, Object value) {
    if (expected instanceof Number e && value instanceof Number v) {
      return e.doubleValue() == v.doubleValue();
    }
    return expected == null ? value == null : expected.equals(value);
  }
}
