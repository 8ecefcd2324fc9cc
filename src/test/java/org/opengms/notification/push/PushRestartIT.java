package org.opengms.notification.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.ApnsStandIn;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Http2StandIn;
import org.opengms.testing.ItConfigFile;

/**
 * Across an undeploy/deploy: a device token APNs called dead stays deactivated, and a pending APNs
 * retry is sent after the restart to the same provider and endpoint (named provider, sandbox) with
 * the same apns-id. retry_initial_delay is raised to 5 s, so attempts stay few while the
 * application is down.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PushRestartIT {

  private static final String GMS = "gms";

  @Deployment(name = GMS, managed = false, testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource Deployer deployer;

  private static String apnsToken() {
    byte[] token = new byte[32];
    ThreadLocalRandom.current().nextBytes(token);
    return HexFormat.of().formatHex(token);
  }

  /**
   * The next request for {@code device}, skipping others: retries of deliveries that earlier runs
   * left in the IT database's outbox go to whatever APNs endpoint is configured now, this one.
   */
  private static Http2StandIn.Received nextFor(ApnsStandIn apns, String device, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < deadline) {
      Http2StandIn.Received r =
          apns.server().next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (r != null && r.path().equals("/3/device/" + device)) {
        return r;
      }
    }
    return null;
  }

  @Test
  void shouldKeepDeactivationsAndPendingPushRetriesAcrossRedeploy() {
    Http http = new Http(Deployments.baseUrl());
    String tag = "push." + UUID.randomUUID().toString().replace("-", "") + ".ready";
    String dead = apnsToken();
    String pending = apnsToken();
    try (ApnsStandIn apns = new ApnsStandIn();
        ItConfigFile config = new ItConfigFile()) {
      config.write(
          text ->
              text.replace("127.0.0.1:18443", "127.0.0.1:" + apns.server().port(0))
                  .replace("127.0.0.1:18444", "127.0.0.1:" + apns.server().port(1))
                  .replace("retry_initial_delay = 1", "retry_initial_delay = 5")
                  // a freshly deployed application's first TLS connection can be slow here
                  .replace("publish_timeout = 3000", "publish_timeout = 30000"));
      apns.stub(dead, 410, "Unregistered", 100);
      apns.stub(pending, 503, "ServiceUnavailable", 1000); // until the undeploy
      deployer.deploy(GMS);
      for (String device : List.of(dead, pending)) {
        assertOkJson(
            http.post(
                "1/notification/subscription",
                "application/json",
                "{\"subscriberId\":\"R\",\"providerName\":\"salesapp\",\"filter\":\""
                    + tag
                    + "\",\"notificationDetails\":{\"type\":\"ios\",\"deviceId\":\""
                    + device
                    + "\",\"properties\":{\"debug\":\"true\"}}}"));
      }
      assertEquals(
          503,
          http.post(
                  "1/notification/publish",
                  "application/json",
                  "{\"tag\":\"" + tag + "\",\"message\":\"before\"}")
              .statusCode());
      String pendingId = nextFor(apns, pending, Duration.ofSeconds(10)).header("apns-id");

      deployer.undeploy(GMS);
      apns.stub(pending, 503, "ServiceUnavailable", 0);
      apns.server().drain(); // retries made before the undeploy, if any
      deployer.deploy(GMS);

      // the next attempt is at most 20 s after the last one (5 s doubled per attempt)
      Http2StandIn.Received retried = nextFor(apns, pending, Duration.ofSeconds(60));
      assertNotNull(retried, "the pending retry survived the restart");
      assertEquals(pendingId, retried.header("apns-id"));
      assertEquals(apns.server().port(1), retried.localPort(), "still the sandbox");
      assertEquals("org.opengms.salesapp", retried.header("apns-topic"), "still salesapp");

      assertEquals(
          200,
          http.post(
                  "1/notification/publish",
                  "application/json",
                  "{\"tag\":\"" + tag + "\",\"message\":\"after\"}")
              .statusCode(),
          "the dead token stayed deactivated");
      List<String> after =
          apns.server().drain().stream()
              .map(Http2StandIn.Received::path)
              .filter(p -> p.endsWith(dead) || p.endsWith(pending))
              .toList();
      assertEquals(List.of("/3/device/" + pending), after);
    } finally {
      deployer.undeploy(GMS);
    }
  }
}
