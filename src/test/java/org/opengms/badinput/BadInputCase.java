package org.opengms.badinput;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bad request of the corpus: where it goes, what it carries, and whether it must be refused
 * (4xx) or only never be a 500 (inputs the reference tolerates, such as a non-numeric ttl).
 */
record BadInputCase(
    String name,
    String method,
    String path,
    String contentType,
    byte[] body,
    Map<String, String> headers,
    boolean mustRefuse) {

  static BadInputCase json(String name, String method, String path, String body) {
    return new BadInputCase(
        name, method, path, "application/json", bytes(body), new LinkedHashMap<>(), true);
  }

  static BadInputCase form(String name, String path, String body) {
    return new BadInputCase(
        name,
        "POST",
        path,
        "application/x-www-form-urlencoded",
        bytes(body),
        new LinkedHashMap<>(),
        true);
  }

  static BadInputCase get(String name, String path) {
    return new BadInputCase(name, "GET", path, null, null, new LinkedHashMap<>(), true);
  }

  static BadInputCase raw(String name, String path, String contentType, String body) {
    return new BadInputCase(
        name, "POST", path, contentType, bytes(body), new LinkedHashMap<>(), true);
  }

  BadInputCase header(String header, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(header, value);
    return new BadInputCase(name, method, path, contentType, body, more, mustRefuse);
  }

  /** Tolerated: any answer but a 5xx (the reference accepts such input). */
  BadInputCase tolerated() {
    return new BadInputCase(name, method, path, contentType, body, headers, false);
  }

  HttpRequest.Builder request(java.net.URI uri) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body);
    request.method(method, publisher);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    return request;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + name + ")";
  }
}
