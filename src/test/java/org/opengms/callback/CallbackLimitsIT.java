package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;
import org.opengms.testing.ServerClockControl;

/** The start limits of later GMS 8.5 releases (service cb-limits: cap 3, 2 a day, 5 per 600 s). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallbackLimitsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  @AfterEach
  void resetClock() {
    new ServerClockControl(new Http(base)).reset();
  }

  @Test
  void shouldThrottleCapAndRateLimitWithGmsMessages() {
    Http http = new Http(base);
    CallbackClient api = new CallbackClient(http);
    String n = "777" + (System.nanoTime() % 1_000_000);
    String first = api.started("cb-limits", "{\"_customer_number\":\"" + n + "\"}");
    api.started("cb-limits", "{\"_customer_number\":\"" + n + "\"}");
    HttpResponse<String> third = api.start("cb-limits", "{\"_customer_number\":\"" + n + "\"}");
    assertEquals(503, third.statusCode(), third.body());
    assertEquals(
        "Callback for _customer_number="
            + n
            + " rejected because previous callbacks for this parameter were requested for more than 2 times today.",
        CallbackClient.error(third));
    assertEquals(
        "org.opengms.callback.CallbackLimitException", Json.object(third.body()).get("exception"));
    // scheduled callbacks are exempt from the daily throttle
    String later = CallbackViews.time(Instant.now().plus(Duration.ofHours(3)));
    api.started(
        "cb-limits", "{\"_customer_number\":\"" + n + "\",\"_desired_time\":\"" + later + "\"}");

    api.started("cb-limits", "{\"_customer_number\":\"a" + n + "\"}");
    HttpResponse<String> capped = api.start("cb-limits", "{\"_customer_number\":\"b" + n + "\"}");
    assertEquals(503, capped.statusCode());
    assertEquals(
        "Limit of queued callbacks for cb-limits is reached.", CallbackClient.error(capped));
    // a cancelled one frees its slot; that start is the 5th of the rate window
    assertEquals(200, api.cancel("cb-limits", first).statusCode());
    api.started("cb-limits", "{\"_customer_number\":\"c" + n + "\"}");
    HttpResponse<String> rate =
        api.start(
            "cb-limits",
            "{\"_customer_number\":\"d" + n + "\",\"_desired_time\":\"" + later + "\"}");
    assertEquals(503, rate.statusCode());
    assertEquals(
        "Limit of queued callbacks for cb-limits is reached for interval 600s.",
        CallbackClient.error(rate));
  }
}
