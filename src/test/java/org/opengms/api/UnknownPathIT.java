package org.opengms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertJson;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/**
 * Paths nobody serves, anywhere under /genesys/: a client reads JSON (the GMS error shape, or the
 * Chat v2 error body under /genesys/2/), never the container's HTML page.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnknownPathIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(base);
  }

  @Test
  void shouldAnswerJsonErrorShapeWhenPathUnknownAnywhereUnderGenesys() {
    for (String path :
        List.of(
            "nope",
            "nope/deeper/still.html",
            "resources/no-such-page.html",
            "webjars/none.js",
            "1/no-such-api",
            "1/storage/a/b/c/d")) {
      HttpResponse<String> get = http.get(path);
      assertError(get, 404, "ResourceNotFoundException");
      assertFalse(get.body().contains("<"), path + ": " + get.body());
    }
    assertError(
        http.postForm("no-such-form-target", Map.of("a", "1")), 404, "ResourceNotFoundException");
    assertError(
        http.send(HttpRequest.newBuilder(http.uri("nope")).method("PUT", noBody())),
        404,
        "ResourceNotFoundException");
  }

  @Test
  void shouldAnswerChatV2ErrorBodyWhenPathUnknownUnderGenesys2() {
    for (String path : List.of("2/nope", "2/chats/no-such-chat/no-such-request", "2")) {
      HttpResponse<String> get = http.get(path);
      assertEquals(404, get.statusCode(), path + ": " + get.body());
      assertJson(get);
      Map<String, Object> body = Json.object(get.body());
      assertEquals("", body.get("chatId"), get.body());
      assertEquals(2, ((Number) body.get("statusCode")).intValue(), get.body());
      assertEquals(false, body.get("chatEnded"), get.body());
      List<?> errors = (List<?>) body.get("errors");
      assertEquals(1, errors.size(), get.body());
      Map<?, ?> error = (Map<?, ?>) errors.get(0);
      assertEquals(404, ((Number) error.get("code")).intValue(), get.body());
      assertFalse(((String) error.get("advice")).isBlank(), get.body());
    }
    HttpResponse<String> post = http.postForm("2/nope", Map.of("a", "1"));
    assertEquals(404, post.statusCode(), post.body());
    assertEquals(2, ((Number) Json.object(post.body()).get("statusCode")).intValue());
  }

  @Test
  void shouldStillServeKnownPagesAndApi() {
    HttpResponse<String> page = http.get("resources/storagetest.html");
    assertEquals(200, page.statusCode());
    assertEquals("text/html", page.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    assertEquals(200, http.get("1/admin/node/status").statusCode());
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }
}
