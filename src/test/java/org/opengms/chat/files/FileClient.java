package org.opengms.chat.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.opengms.testing.ApiAssertions;
import org.opengms.testing.Http;
import org.opengms.testing.Json;
import org.opengms.testing.Multipart;

/** A customer of one chat using the v2 file operations, by REST and by chat-ntf. */
final class FileClient {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  final Http http;
  final String service;
  final String chatId;
  final String secureKey;

  /** The v1 service (id) the chat was started on. */
  final String serviceId;

  FileClient(Http http, String service, String serviceId, String chatId, String secureKey) {
    this.http = http;
    this.service = service;
    this.serviceId = serviceId;
    this.chatId = chatId;
    this.secureKey = secureKey;
  }

  FileClient withKey(String key) {
    return new FileClient(http, service, serviceId, chatId, key);
  }

  FileClient of(String otherService, String otherChatId) {
    return new FileClient(http, otherService, serviceId, otherChatId, secureKey);
  }

  String base() {
    return "2/chat/" + service + "/" + chatId + "/file";
  }

  HttpResponse<String> limits() {
    return http.postForm(base() + "/limits", Map.of("secureKey", secureKey));
  }

  HttpResponse<String> upload(String name, String type, byte[] content) {
    return http.postMultipart(
        base(),
        new Multipart()
            .text("secureKey", secureKey)
            .text("userData[file-description]", "about " + name)
            .file("file", name, type, content));
  }

  HttpResponse<byte[]> download(String fileId) {
    return bytes(base() + "/" + fileId + "/download", Map.of("secureKey", secureKey));
  }

  HttpResponse<String> delete(String fileId) {
    return http.postForm(base() + "/" + fileId + "/delete", Map.of("secureKey", secureKey));
  }

  HttpResponse<String> ntf(Map<String, String> form) {
    return http.postForm("2/chat-ntf", form);
  }

  HttpResponse<String> ntfUpload(String name, String type, byte[] content) {
    return http.postMultipart(
        "2/chat-ntf",
        new Multipart()
            .text("operation", "fileUpload")
            .text("secureKey", secureKey)
            .file("file", name, type, content));
  }

  HttpResponse<byte[]> ntfDownload(String fileId) {
    return bytes(
        "2/chat-ntf",
        Map.of("operation", "fileDownload", "secureKey", secureKey, "fileId", fileId));
  }

  HttpResponse<byte[]> bytes(String path, Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(http.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(Http.form(form))));
  }

  static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A v2 answer: 200, JSON, statusCode 0, this chat. */
  Map<String, Object> ok(HttpResponse<String> response) {
    Map<String, Object> answer = ApiAssertions.assertOkJson(response);
    assertEquals(0, number(answer.get("statusCode")), response.body());
    assertEquals(chatId, answer.get("chatId"));
    return answer;
  }

  /** The v2 error body with {@code status}. */
  static Map<String, Object> error(HttpResponse<?> response, int status) {
    String body =
        response.body() instanceof byte[] b
            ? new String(b, StandardCharsets.UTF_8)
            : String.valueOf(response.body());
    assertEquals(status, response.statusCode(), body);
    assertEquals(
        "application/json",
        response.headers().firstValue("Content-Type").orElse("").split(";")[0],
        body);
    Map<String, Object> error = Json.object(body);
    assertEquals(2, number(error.get("statusCode")), body);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) error.get("errors");
    assertEquals(status, number(errors.get(0).get("code")), body);
    return error;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> messages(Map<String, Object> answer) {
    return (List<Map<String, Object>>) answer.get("messages");
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> userData(Map<String, Object> event) {
    return (Map<String, String>) event.get("userData");
  }

  static int number(Object value) {
    return ((Number) value).intValue();
  }
}
