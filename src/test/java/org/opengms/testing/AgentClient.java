package org.opengms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** One agent of it-gms.ini talking to the Agent API over HTTP Basic. */
public final class AgentClient {

  private final Http http;
  private final String authorization;

  public AgentClient(Http http, String login, String password) {
    this.http = http;
    this.authorization = Http.basic(login, password);
  }

  public HttpResponse<String> get(String path) {
    return http.send(
        HttpRequest.newBuilder(http.uri("1/agent/" + path))
            .header("Authorization", authorization)
            .GET());
  }

  public HttpResponse<String> post(String path, Map<String, String> form) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http.uri("1/agent/" + path)).header("Authorization", authorization);
    if (form.isEmpty()) {
      return http.send(request.POST(HttpRequest.BodyPublishers.noBody()));
    }
    return http.send(
        request
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(Http.form(form))));
  }

  public Map<String, Object> ready() {
    return ApiAssertions.assertOkJson(post("ready", Map.of()));
  }

  public Map<String, Object> notReady() {
    return ApiAssertions.assertOkJson(post("not-ready", Map.of()));
  }

  public List<Map<String, Object>> chats() {
    HttpResponse<String> response = get("chats");
    assertEquals(200, response.statusCode(), response.body());
    return Json.list(response.body());
  }

  public boolean has(String chatSessionId) {
    return chats().stream().anyMatch(c -> chatSessionId.equals(c.get("chatSessionId")));
  }

  @SuppressWarnings("unchecked")
  public List<List<String>> transcript(String chatSessionId) {
    return (List<List<String>>)
        ApiAssertions.assertOkJson(get("chats/" + chatSessionId)).get("transcript");
  }

  public Map<String, Object> act(String chatSessionId, String request, Map<String, String> form) {
    return ApiAssertions.assertOkJson(post("chats/" + chatSessionId + "/" + request, form));
  }

  /** Leaves every chat and goes not ready: what each test leaves behind. */
  public void reset() {
    notReady();
    for (Map<String, Object> chat : chats()) {
      post("chats/" + chat.get("chatSessionId") + "/leave", Map.of());
    }
  }
}
