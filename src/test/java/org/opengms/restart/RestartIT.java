package org.opengms.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
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

/**
 * Nothing accepted is lost when the application restarts: storage, services, subscriptions and
 * pending callback retries survive an undeploy/deploy, and what expires keeps expiring.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestartIT {

  private static final String GMS = "gms";

  @Deployment(name = GMS, managed = false, testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource Deployer deployer;

  @Test
  void shouldKeepAcceptedDataAcrossRedeploy() {
    Http http = new Http(Deployments.baseUrl());
    String tag = "restart" + UUID.randomUUID().toString().replace("-", "");
    try (CallbackReceiver receiver = new CallbackReceiver("127.0.0.1")) {
      deployer.deploy(GMS);
      String area =
          (String) assertOkJson(http.postForm("1/storage/3600", Map.of("k", "kept"))).get("id");
      String shortArea =
          (String) assertOkJson(http.postForm("1/storage/6", Map.of("k", "short"))).get("id");
      String service =
          (String)
              assertOkJson(http.postForm("1/service/request-chat", Map.of("u", "data"))).get("_id");
      assertOkJson(
          http.post(
              "1/notification/subscription",
              "application/json",
              "{\"subscriberId\":\"S\",\"filter\":\""
                  + tag
                  + ".*\",\"notificationDetails\":"
                  + "{\"type\":\"httpcb\",\"deviceId\":\""
                  + receiver.url()
                  + "/cb\"}}"));
      receiver.answer(503);
      assertEquals(
          503,
          http.post(
                  "1/notification/publish",
                  "application/json",
                  "{\"tag\":\"" + tag + ".before\",\"message\":\"pending\"}")
              .statusCode());
      assertNotNull(receiver.next(Duration.ofSeconds(5)), "first attempt made");

      deployer.undeploy(GMS);
      receiver.answer(200);
      deployer.deploy(GMS);

      assertEquals(Map.of("k", "kept"), Json.object(http.get("1/storage/" + area).body()));
      assertEquals(
          Map.of("u", "data"), Json.object(http.get("1/service/" + service + "/storage").body()));
      CallbackReceiver.Received retried = receiver.next(Duration.ofSeconds(20));
      assertNotNull(retried, "the pending retry survived the restart");
      assertEquals("pending", retried.body());
      HttpResponse<String> after =
          http.post(
              "1/notification/publish",
              "application/json",
              "{\"tag\":\"" + tag + ".after\",\"message\":\"again\"}");
      assertEquals(200, after.statusCode(), "the subscription survived the restart");
      assertEquals("again", receiver.next(Duration.ofSeconds(5)).body());
      Conditions.await(
          "area created before the restart expires on time",
          Duration.ofSeconds(20),
          () -> http.get("1/storage/" + shortArea).statusCode() == 404);
    } finally {
      deployer.undeploy(GMS);
    }
  }
}
