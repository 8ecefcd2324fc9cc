package org.opengms.api.openapi;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opengms.api.openapi.OpenApiDocument.Operation;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/**
 * Calls one described operation with minimal input (path parameters from their {@code example}, an
 * empty body of the first described media type) and tells what in the answer the description does
 * not say: a status it does not list, another media type, an error body off its schema, or the
 * answer of a path or method nobody serves.
 */
final class OperationProbe {

  private static final String BOUNDARY = "openapi-probe";

  private final Http http;
  private final OpenApiDocument document;
  private final SchemaCheck schemas;
  private final Map<String, String> standIns;

  /**
   * {@code standIns}: example value → the value to send instead (the id of something the test
   * created), so calls reach past "unknown id".
   */
  OperationProbe(Http http, OpenApiDocument document, Map<String, String> standIns) {
    this.http = http;
    this.document = document;
    this.schemas = new SchemaCheck(document);
    this.standIns = standIns;
  }

  /** What one call answered, and what of it the description does not say (empty: all true). */
  record Result(int status, List<String> problems) {}

  /** One call, {@code authorization} null for none. */
  Result probe(Operation operation, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(concretePath(operation)));
    List<String> media = document.requestMediaTypes(operation);
    String body = media.isEmpty() ? null : emptyBody(media.get(0));
    if (body != null) {
      String type = media.get(0).equals("multipart/form-data") ? multipartType() : media.get(0);
      request.header("Content-Type", type);
    }
    request.method(
        operation.method().toUpperCase(),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = http.send(request);
    String call = operation + (authorization == null ? "" : " (logged in)");
    return new Result(response.statusCode(), check(call, operation, response));
  }

  private List<String> check(String call, Operation operation, HttpResponse<String> response) {
    List<String> problems = new ArrayList<>();
    int status = response.statusCode();
    String said = call + " → " + status + " " + abbreviate(response.body());
    System.out.println("probe: " + said); // the calls, for the failsafe report
    if (status == 405 || isUnservedPath(status, response.body())) {
      problems.add(said + ": the server does not serve this");
      return problems;
    }
    Map<String, Object> described = document.response(operation, status);
    if (described == null) {
      problems.add(said + ": status not described");
      return problems;
    }
    Object content = described.get("content");
    if (content == null) {
      return problems;
    }
    Map<String, Object> types = OpenApiDocument.map(content);
    String type = response.headers().firstValue("Content-Type").orElse("");
    String match = mediaTypeMatch(types, type);
    if (match == null) {
      problems.add(said + ": Content-Type " + type + " not described (" + types.keySet() + ")");
      return problems;
    }
    if (match.equals("application/json")) {
      Object json;
      try {
        json = Json.value(response.body());
      } catch (RuntimeException e) {
        problems.add(said + ": body is not JSON");
        return problems;
      }
      Object schema = OpenApiDocument.map(types.get(match)).get("schema");
      if (schema != null) {
        problems.addAll(schemas.problems(schema, json, said));
      }
    }
    return problems;
  }

  /** The 404 of a path no resource serves (the JAX-RS runtime's, in either error body). */
  private static boolean isUnservedPath(int status, String body) {
    return status == 404
        && (body.contains("\"message\":\"Not found\"")
            || body.contains("No such resource of Chat API v2"));
  }

  private static String mediaTypeMatch(Map<String, Object> described, String contentType) {
    String base = contentType.split(";")[0].trim().toLowerCase();
    for (String type : described.keySet()) {
      String describedBase = type.split(";")[0].trim().toLowerCase();
      if (describedBase.equals(base) || describedBase.equals("*/*")) {
        return describedBase;
      }
    }
    return null;
  }

  private String concretePath(Operation operation) {
    String path = operation.path();
    for (Map<String, Object> parameter : document.parameters(operation)) {
      if ("path".equals(parameter.get("in"))) {
        String example = String.valueOf(parameter.getOrDefault("example", "openapi-probe"));
        example = standIns.getOrDefault(example, example);
        path =
            path.replace(
                "{" + parameter.get("name") + "}",
                URLEncoder.encode(example, StandardCharsets.UTF_8));
      }
    }
    if (path.contains("{")) {
      throw new AssertionError(operation + ": a path parameter is not declared");
    }
    return path.substring(1);
  }

  private static String emptyBody(String mediaType) {
    return switch (mediaType) {
      case "application/json" -> "{}";
      case "multipart/form-data" -> "--" + BOUNDARY + "--\r\n";
      default -> "";
    };
  }

  private static String multipartType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  private static String abbreviate(String body) {
    String flat = body.replaceAll("\\s+", " ");
    return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
  }
}
