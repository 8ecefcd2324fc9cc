package org.opengms.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.CallbackReceiver;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/** orscb: an event into an ORS session, posted to an ORS stand-in on loopback. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrsCallbackIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  @Test
  void shouldPostEventToOrsSessionWhenTagMatches() throws IOException {
    Http http = new Http(base);
    Path config = Path.of(System.getProperty("gms.it.config"));
    String original = Files.readString(config);
    String tag = "ors" + UUID.randomUUID().toString().replace("-", "") + ".agent.available";
    try (CallbackReceiver ors = new CallbackReceiver("127.0.0.1")) {
      Files.writeString(
          config, original.replace("url = http://127.0.0.1:1", "url = " + ors.url() + "/"));
      Conditions.await(
          "the ORS stand-in's URL in force",
          Duration.ofSeconds(15),
          () -> adminSees(http, ors.url()));

      assertOkJson(
          http.post(
              "1/notification/subscription",
              "application/json",
              "{\"subscriberId\":\"O\",\"filter\":\""
                  + tag
                  + "\",\"notificationDetails\":"
                  + "{\"type\":\"orscb\",\"deviceId\":\"00DK1TNK4O8V7BT5\"}}"));
      assertEquals(
          200,
          http.post(
                  "1/notification/publish",
                  "application/json",
                  "{\"tag\":\"" + tag + "\",\"message\":\"{\\\"agent\\\":\\\"a1\\\"}\"}")
              .statusCode());

      CallbackReceiver.Received event = ors.next(Duration.ofSeconds(5));
      assertNotNull(event);
      assertEquals("/scxml/session/00DK1TNK4O8V7BT5/event/" + tag, event.path());
      assertEquals("{\"agent\":\"a1\"}", event.body());
    } finally {
      Files.writeString(config, original);
      Conditions.await(
          "original configuration back",
          Duration.ofSeconds(15),
          () -> adminSees(http, "http://127.0.0.1:1"));
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean adminSees(Http http, String orsUrl) {
    String token =
        Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(http.uri("1/admin/config"))
                .header("Authorization", "Basic " + token)
                .GET());
    Map<String, Object> body = Json.object(response.body());
    Map<String, Map<String, String>> sections =
        (Map<String, Map<String, String>>) body.get("sections");
    String url = sections.getOrDefault("ors", Map.of()).get("url");
    return url != null && url.startsWith(orsUrl);
  }
}
