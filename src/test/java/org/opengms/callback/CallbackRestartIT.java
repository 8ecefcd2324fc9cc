package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.opengms.testing.ServerClockControl;

/**
 * Scheduled callbacks survive a restart: those that fell due while the application was down start
 * right after it is back, those still in the future start when due, and each is submitted to the
 * execution service exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallbackRestartIT {

  private static final String GMS = "gms";

  @Deployment(name = GMS, managed = false, testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource Deployer deployer;

  @Test
  void shouldStartEveryScheduledCallbackOnceAcrossARestart() {
    Http http = new Http(Deployments.baseUrl());
    CallbackClient api = new CallbackClient(http);
    ServerClockControl clock = new ServerClockControl(http);
    try (CallbackReceiver ors = new CallbackReceiver("127.0.0.1")) {
      deployer.deploy(GMS);
      // ORS URL per request ($ors_url$); buffer 60 s: these are all scheduled
      Instant soon = Instant.now().plusSeconds(75);
      List<String> past = new ArrayList<>();
      List<String> future = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        past.add(start(api, ors, soon));
        future.add(start(api, ors, Instant.now().plus(Duration.ofDays(1))));
      }
      past.forEach(id -> assertEquals("SCHEDULED", api.state(id)));

      deployer.undeploy(GMS);
      Conditions.await(
          "the first batch falls due while the application is down",
          Duration.ofSeconds(120),
          () -> Instant.now().isAfter(soon.plusSeconds(1)));
      deployer.deploy(GMS);

      Map<String, Integer> submits = new HashMap<>();
      Conditions.await(
          "overdue callbacks submitted after the restart",
          Duration.ofSeconds(20),
          () -> {
            drain(ors, submits);
            return past.stream().allMatch(submits::containsKey);
          });
      past.forEach(id -> assertEquals("QUEUED", api.state(id)));
      future.forEach(id -> assertEquals("SCHEDULED", api.state(id), "not due yet"));

      clock.advance(Duration.ofDays(1).plusMinutes(1));
      Conditions.await(
          "future callbacks submitted when due",
          Duration.ofSeconds(20),
          () -> {
            drain(ors, submits);
            return future.stream().allMatch(submits::containsKey);
          });
      assertNull(ors.next(Duration.ofSeconds(3)), "nothing submitted twice");
      submits.forEach((id, n) -> assertEquals(1, n, "submits of " + id));
      future.forEach(id -> assertEquals("QUEUED", api.state(id)));
    } finally {
      try {
        clock.reset();
      } finally {
        deployer.undeploy(GMS);
      }
    }
  }

  private static String start(CallbackClient api, CallbackReceiver ors, Instant desired) {
    return api.started(
        "cb-ors",
        "{\"_customer_number\":\"4242\",\"ors_url\":\""
            + ors.url()
            + "\",\"_desired_time\":\""
            + CallbackViews.time(desired)
            + "\"}");
  }

  private static void drain(CallbackReceiver ors, Map<String, Integer> submits) {
    CallbackReceiver.Received r;
    while ((r = ors.next(Duration.ofMillis(100))) != null) {
      submits.merge((String) Json.object(r.body()).get("_id"), 1, Integer::sum);
    }
  }
}
