package org.opengms.api.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The parts of a parsed OpenAPI document the tests read: operations, responses, schemas. */
final class OpenApiDocument {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** One described operation. */
  record Operation(String method, String path, Map<String, Object> body) {

    /** As {@link ServedOperations}: {@code "POST /1/storage/{}"}. */
    String key() {
      return method.toUpperCase() + " " + ServedOperations.normalize(path);
    }

    @Override
    public String toString() {
      return method.toUpperCase() + " " + path;
    }
  }

  private final Map<String, Object> root;

  OpenApiDocument(Map<String, Object> root) {
    this.root = root;
  }

  String version() {
    return String.valueOf(root.get("openapi"));
  }

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    map(root.get("paths"))
        .forEach(
            (path, item) ->
                map(item)
                    .forEach(
                        (method, operation) -> {
                          if (METHODS.contains(method)) {
                            operations.add(new Operation(method, path, map(operation)));
                          }
                        }));
    return operations;
  }

  Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    operations().forEach(o -> keys.add(o.key()));
    return keys;
  }

  /** The operation's parameters, references resolved. */
  List<Map<String, Object>> parameters(Operation operation) {
    List<Map<String, Object>> out = new ArrayList<>();
    Object listed = operation.body().get("parameters");
    if (listed instanceof List<?> list) {
      list.forEach(p -> out.add(resolve(p)));
    }
    return out;
  }

  /** The media types of the request body, in the order described; empty without a body. */
  List<String> requestMediaTypes(Operation operation) {
    Object body = operation.body().get("requestBody");
    if (body == null) {
      return List.of();
    }
    return new ArrayList<>(map(resolve(body).get("content")).keySet());
  }

  /** The response described for {@code status}, or {@code default}; null if none. */
  Map<String, Object> response(Operation operation, int status) {
    Map<String, Object> responses = map(operation.body().get("responses"));
    Object response = responses.getOrDefault(String.valueOf(status), responses.get("default"));
    return response == null ? null : resolve(response);
  }

  /** Security requirements: empty when the operation needs none (or may go without). */
  List<Map<String, Object>> security(Operation operation) {
    Object security = operation.body().get("security");
    List<Map<String, Object>> out = new ArrayList<>();
    if (security instanceof List<?> list) {
      list.forEach(s -> out.add(map(s)));
    }
    return out;
  }

  /** {@code node} with a {@code $ref} replaced by what it names (within this document). */
  Map<String, Object> resolve(Object node) {
    Map<String, Object> map = map(node);
    for (int hops = 0; map.containsKey("$ref"); hops++) {
      String ref = String.valueOf(map.get("$ref"));
      if (!ref.startsWith("#/") || hops > 10) {
        throw new AssertionError("unresolvable $ref " + ref);
      }
      Object target = root;
      for (String part : ref.substring(2).split("/")) {
        target = map(target).get(part);
        if (target == null) {
          throw new AssertionError("$ref " + ref + " names nothing");
        }
      }
      map = map(target);
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    if (!(node instanceof Map<?, ?>)) {
      throw new AssertionError("expected a JSON object, not " + node);
    }
    return (Map<String, Object>) node;
  }
}
