package org.opengms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Moves the deployed server's clock through {@code /1/admin/clock} (the IT configuration sets
 * {@code clock_control = true}). A test that moves it calls {@link #reset()} when done.
 */
public final class ServerClockControl {

  private final Http http;
  private final String authorization;

  public ServerClockControl(Http http) {
    this.http = http;
    this.authorization = Http.basic("admin", "admin");
  }

  public HttpResponse<String> get() {
    return http.send(request().GET());
  }

  public HttpResponse<String> advanceRequest(String seconds) {
    return http.send(
        request()
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "advance=" + URLEncoder.encode(seconds, StandardCharsets.UTF_8))));
  }

  /** Moves the clock by {@code amount} and answers what it reads now. */
  public Instant advance(Duration amount) {
    HttpResponse<String> response = advanceRequest(Long.toString(amount.toSeconds()));
    assertEquals(200, response.statusCode(), response.body());
    return now(Json.object(response.body()));
  }

  public Instant now() {
    HttpResponse<String> response = get();
    assertEquals(200, response.statusCode(), response.body());
    return now(Json.object(response.body()));
  }

  /** Back to system time. */
  public void reset() {
    HttpResponse<String> response = http.send(request().DELETE());
    assertEquals(200, response.statusCode(), response.body());
  }

  private static Instant now(Map<String, Object> body) {
    return Instant.parse((String) body.get("now"));
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(http.uri("1/admin/clock")).header("Authorization", authorization);
  }
}
