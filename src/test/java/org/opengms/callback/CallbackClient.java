package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/** The Callback Services API as a client calls it. */
final class CallbackClient {

  private final Http http;

  CallbackClient(Http http) {
    this.http = http;
  }

  HttpResponse<String> start(String service, String json) {
    return http.post("1/service/callback/" + service, "application/json", json);
  }

  HttpResponse<String> start(String service, String json, String idempotencyKey) {
    return http.send(
        HttpRequest.newBuilder(http.uri("1/service/callback/" + service))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Starts and answers the new id (200 expected). */
  String started(String service, String json) {
    HttpResponse<String> r = start(service, json);
    assertEquals(200, r.statusCode(), r.body());
    return (String) Json.object(r.body()).get("_id");
  }

  HttpResponse<String> cancel(String service, String id) {
    return http.delete("1/service/callback/" + service + "/" + id);
  }

  HttpResponse<String> update(String service, String id, String json) {
    return http.send(
        HttpRequest.newBuilder(http.uri("1/service/callback/" + service + "/" + id))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> query(String pathAndQuery) {
    return http.get("1/service/callback" + pathAndQuery);
  }

  /** The callback as {@code GET /1/service/callback?_id=} answers it. */
  Map<String, Object> get(String id) {
    HttpResponse<String> r = query("?_id=" + id);
    assertEquals(200, r.statusCode(), r.body());
    List<Map<String, Object>> list = Json.objects(r.body());
    assertEquals(1, list.size(), r.body());
    return list.get(0);
  }

  String state(String id) {
    return (String) get(id).get("_callback_state");
  }

  HttpResponse<String> as(String login, String method, String path) {
    return http.send(
        HttpRequest.newBuilder(http.uri(path))
            .header("Authorization", Http.basic(login, login))
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> asJson(String login, String path, String json) {
    return http.send(
        HttpRequest.newBuilder(http.uri(path))
            .header("Authorization", Http.basic(login, login))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  static String error(HttpResponse<String> r) {
    return (String) Json.object(r.body()).get("message");
  }
}
