package org.opengms.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AdminView;
import org.opengms.testing.CallbackReceiver;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.ItConfigFile;

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
  void shouldPostEventToOrsSessionWhenTagMatches() {
    Http http = new Http(base);
    String tag = "ors" + UUID.randomUUID().toString().replace("-", "") + ".agent.available";
    try (ItConfigFile config = new ItConfigFile();
        CallbackReceiver ors = new CallbackReceiver("127.0.0.1")) {
      config.write(text -> text.replace("url = http://127.0.0.1:1", "url = " + ors.url() + "/"));
      Conditions.await(
          "the ORS stand-in's URL in force",
          Duration.ofSeconds(15),
          () -> (ors.url() + "/").equals(AdminView.option(http, "ors", "url")));

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
    }
    Conditions.await(
        "original configuration back",
        Duration.ofSeconds(15),
        () -> "http://127.0.0.1:1".equals(AdminView.option(http, "ors", "url")));
  }
}
