package org.opengms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Chat API v2 customer over REST, remembering its chat's id and keys after requestChat. */
public final class ChatV2Client {

  private final Http http;
  private final String service;
  public String chatId;
  public String secureKey;
  public String userId;

  public ChatV2Client(Http http, String service) {
    this.http = http;
    this.service = service;
  }

  public Map<String, Object> requestChat(Map<String, String> form) {
    Map<String, Object> answer =
        ApiAssertions.assertOkJson(http.postForm("2/chat/" + service, form));
    chatId = (String) answer.get("chatId");
    secureKey = (String) answer.get("secureKey");
    userId = (String) answer.get("userId");
    return answer;
  }

  /** {@code operation} with the secure key, the answer (any status). */
  public HttpResponse<String> post(String operation, Map<String, String> form) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("secureKey", secureKey);
    all.putAll(form);
    return http.postForm("2/chat/" + service + "/" + chatId + "/" + operation, all);
  }

  /** {@code operation}, which must answer 200 with statusCode 0. */
  public Map<String, Object> ok(String operation, Map<String, String> form) {
    Map<String, Object> answer = ApiAssertions.assertOkJson(post(operation, form));
    assertEquals(0, number(answer.get("statusCode")), answer.toString());
    assertEquals(chatId, answer.get("chatId"));
    return answer;
  }

  /** Asserts the v2 error body with HTTP status {@code status}; answers its advice. */
  public static String assertV2Error(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/json",
        response.headers().firstValue("Content-Type").orElse("").split(";")[0],
        response.body());
    Map<String, Object> body = Json.object(response.body());
    assertEquals(2, number(body.get("statusCode")), response.body());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
    assertEquals(1, errors.size(), response.body());
    assertEquals(status, number(errors.get(0).get("code")), response.body());
    return (String) errors.get(0).get("advice");
  }

  public static List<Map<String, Object>> messages(Map<String, Object> answer) {
    return list(answer.get("messages"));
  }

  /** A JSON array: a List (JSON-B, CometD long-polling) or an Object[] (CometD websocket). */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> list(Object array) {
    if (array instanceof Object[] items) {
      return java.util.Arrays.stream(items).map(i -> (Map<String, Object>) i).toList();
    }
    return (List<Map<String, Object>>) array;
  }

  public static List<String> types(Map<String, Object> answer) {
    return messages(answer).stream().map(m -> (String) m.get("type")).toList();
  }

  public static List<Integer> indexes(Map<String, Object> answer) {
    return messages(answer).stream().map(m -> number(m.get("index"))).toList();
  }

  @SuppressWarnings("unchecked")
  public static String fromNickname(Map<String, Object> event) {
    return (String) ((Map<String, Object>) event.get("from")).get("nickname");
  }

  @SuppressWarnings("unchecked")
  public static String fromType(Map<String, Object> event) {
    return (String) ((Map<String, Object>) event.get("from")).get("type");
  }

  public static int number(Object value) {
    return ((Number) value).intValue();
  }
}
