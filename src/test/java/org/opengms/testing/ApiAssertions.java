package org.opengms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

/** Assertions on what every GMS answer promises: JSON, no caching, the error shape. */
public final class ApiAssertions {

  private ApiAssertions() {}

  public static void assertJson(HttpResponse<String> response) {
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        response.headers().toString());
    assertEquals("no-cache, no-store", response.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("no-cache", response.headers().firstValue("Pragma").orElse(""));
  }

  public static void assertError(HttpResponse<String> response, int status, String exception) {
    assertEquals(status, response.statusCode(), response.body());
    assertJson(response);
    Map<String, Object> body = Json.object(response.body());
    assertEquals("org.opengms.api.error." + exception, body.get("exception"), response.body());
    assertTrue(body.get("message") instanceof String m && !m.isBlank(), response.body());
  }

  public static Map<String, Object> assertOkJson(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    assertJson(response);
    return Json.object(response.body());
  }
}
