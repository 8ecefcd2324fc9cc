package org.opengms.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

/**
 * Accepted notifications that reach nobody are counted on /1/metrics, so an operator sees the loss
 * instead of a 200 and silence.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeliveryCountersIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  String tag;

  @BeforeEach
  void client() {
    http = new Http(base);
    tag = "dc" + UUID.randomUUID().toString().replace("-", "");
  }

  private long counter(String name) {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(http.uri("1/metrics"))
                .header("Authorization", Http.basic("stats", "stats")));
    assertEquals(200, r.statusCode(), r.body());
    Matcher m = Pattern.compile("(?m)^" + name + "\\{node=\"this\"} (\\d+)$").matcher(r.body());
    assertTrue(m.find(), name + " missing from " + r.body());
    return Long.parseLong(m.group(1));
  }

  /** Deliveries may finish after the publish answered: polls the counter, for at most 10 s. */
  private void awaitCounter(String name, long expected) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    long value = counter(name);
    while (value < expected && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      value = counter(name);
    }
    assertEquals(expected, value, name);
  }

  private void publish(String json) {
    HttpResponse<String> r = http.post("1/notification/publish", "application/json", json);
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void shouldCountAPublishThatMatchesNoSubscription() {
    long before = counter("gms_node_notifications_unmatched");
    publish("{\"tag\":\"" + tag + "\",\"message\":\"nobody listens\"}");
    awaitCounter("gms_node_notifications_unmatched", before + 1);
  }

  @Test
  void shouldCountACometNotificationWhoseUserHasNoSession() {
    String user = "nosession-" + tag;
    HttpResponse<String> subscribed =
        http.send(
            HttpRequest.newBuilder(http.uri("1/notification/subscription"))
                .header("Content-Type", "application/json")
                .header("gms_user", user)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"subscriberId\":\""
                            + user
                            + "\",\"filter\":\""
                            + tag
                            + "\",\"notificationDetails\":{\"type\":\"comet\"}}")));
    assertEquals(200, subscribed.statusCode(), subscribed.body());
    long unmatched = counter("gms_node_notifications_unmatched");
    long before = counter("gms_node_comet_no_session");

    publish("{\"tag\":\"" + tag + "\",\"message\":\"offline\"}");

    awaitCounter("gms_node_comet_no_session", before + 1);
    assertEquals(unmatched, counter("gms_node_notifications_unmatched"), "it did match");
  }
}
