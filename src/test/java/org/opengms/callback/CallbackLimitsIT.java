package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.Burst;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.ItConfigFile;
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
    // a cancelled one frees its slot; that start is the 4th of the rate window (the 3 h one is
    // beyond the 600 s window and not counted)
    assertEquals(200, api.cancel("cb-limits", first).statusCode());
    api.started("cb-limits", "{\"_customer_number\":\"c" + n + "\"}");
    String soon = CallbackViews.time(Instant.now().plus(Duration.ofMinutes(5)));
    api.started(
        "cb-limits", "{\"_customer_number\":\"d" + n + "\",\"_desired_time\":\"" + soon + "\"}");
    HttpResponse<String> rate =
        api.start(
            "cb-limits",
            "{\"_customer_number\":\"e" + n + "\",\"_desired_time\":\"" + soon + "\"}");
    assertEquals(503, rate.statusCode());
    assertEquals(
        "Limit of queued callbacks for cb-limits is reached for interval 600s.",
        CallbackClient.error(rate));
    // scheduled beyond the window: not throttled
    api.started(
        "cb-limits", "{\"_customer_number\":\"f" + n + "\",\"_desired_time\":\"" + later + "\"}");
  }

  @Test
  void shouldAcceptExactlyTheCapOfTwentyConcurrentStarts() throws Exception {
    CallbackClient api = new CallbackClient(new Http(base));
    cancelQueued(api, "cb-burst"); // left by an earlier run that stopped half-way
    String n = "5601" + (System.nanoTime() % 1_000_000);
    List<HttpResponse<String>> answers =
        Burst.of(20, i -> api.start("cb-burst", "{\"_customer_number\":\"" + n + i + "\"}"));
    List<String> accepted = new ArrayList<>();
    for (HttpResponse<String> r : answers) {
      if (r.statusCode() == 200) {
        accepted.add((String) Json.object(r.body()).get("_id"));
      } else {
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("Limit of queued callbacks for cb-burst is reached.", CallbackClient.error(r));
      }
    }
    assertEquals(3, accepted.size(), "accepted of 20 concurrent starts with cap 3");
    // the cap counts what is queued now: one cancelled frees exactly one slot
    assertEquals(200, api.cancel("cb-burst", accepted.remove(0)).statusCode());
    List<HttpResponse<String>> again =
        Burst.of(5, i -> api.start("cb-burst", "{\"_customer_number\":\"x" + n + i + "\"}"));
    List<String> second =
        again.stream()
            .filter(r -> r.statusCode() == 200)
            .map(r -> (String) Json.object(r.body()).get("_id"))
            .toList();
    assertEquals(1, second.size(), "accepted after one cancel");
    accepted.addAll(second);
    accepted.forEach(id -> api.cancel("cb-burst", id));
  }

  @Test
  void shouldHoldARateWindowUnderConcurrentStarts() throws Exception {
    CallbackClient api = new CallbackClient(new Http(base));
    String n = "5602" + (System.nanoTime() % 1_000_000);
    List<HttpResponse<String>> answers =
        Burst.of(12, i -> api.start("cb-rate", "{\"_customer_number\":\"" + n + i + "\"}"));
    List<String> accepted = new ArrayList<>();
    for (HttpResponse<String> r : answers) {
      if (r.statusCode() == 200) {
        accepted.add((String) Json.object(r.body()).get("_id"));
      } else {
        assertEquals(503, r.statusCode(), r.body());
        assertEquals(
            "Limit of queued callbacks for cb-rate is reached for interval 10s.",
            CallbackClient.error(r));
      }
    }
    assertEquals(4, accepted.size(), "accepted of 12 concurrent starts in a window of 4");
    accepted.forEach(id -> api.cancel("cb-rate", id));
  }

  @Test
  void shouldRefuseEveryStartAWindowOfCountZeroCounts() {
    CallbackClient api = new CallbackClient(new Http(base));
    String n = "5581" + (System.nanoTime() % 1_000_000);
    HttpResponse<String> refused = api.start("cb-closed", "{\"_customer_number\":\"" + n + "\"}");
    assertEquals(503, refused.statusCode(), refused.body());
    assertEquals(
        "Limit of queued callbacks for cb-closed is reached for interval 120s.",
        CallbackClient.error(refused));
    assertEquals("[]", api.query("/cb-closed?_customer_number=" + n).body().strip());
    String later = CallbackViews.time(Instant.now().plus(Duration.ofHours(2)));
    api.started(
        "cb-closed", "{\"_customer_number\":\"" + n + "\",\"_desired_time\":\"" + later + "\"}");
  }

  @Test
  void shouldApplyTheCallbackSectionToServicesWithoutTheirOwnLimit() {
    Http http = new Http(base);
    CallbackClient api = new CallbackClient(http);
    List<String> started = new ArrayList<>();
    try (ItConfigFile file = new ItConfigFile()) {
      file.write(
          t -> t.replace("[callback]\n", "[callback]\nmax_queued_callbacks_per_service = 0\n"));
      Conditions.await(
          "[callback] max_queued_callbacks_per_service = 0 in force",
          Duration.ofSeconds(15),
          () -> {
            HttpResponse<String> r = api.start("cb-inherit", distinctCustomer());
            if (r.statusCode() == 200) {
              started.add((String) Json.object(r.body()).get("_id"));
              return false;
            }
            return r.statusCode() == 503
                && "Limit of queued callbacks for cb-inherit is reached."
                    .equals(CallbackClient.error(r));
          });
    }
    Conditions.await(
        "the file's own section back in force",
        Duration.ofSeconds(15),
        () -> {
          HttpResponse<String> r = api.start("cb-inherit", distinctCustomer());
          if (r.statusCode() == 200) {
            started.add((String) Json.object(r.body()).get("_id"));
            return true;
          }
          return false;
        });
    started.forEach(id -> api.cancel("cb-inherit", id));
  }

  @SuppressWarnings("unchecked")
  private static void cancelQueued(CallbackClient api, String service) {
    Map<String, Object> queues =
        Json.object(
            api.as(
                    "admin",
                    "GET",
                    "1/admin/callback/queues?target=" + service + "&_callback_state=QUEUED")
                .body());
    Object listed = queues.get(service);
    if (listed instanceof List<?> list) {
      for (Object e : list) {
        api.cancel(service, (String) ((Map<String, Object>) e).get("_id"));
      }
    }
  }

  /** A new customer each time: the same-number daily throttle (6) does not interfere. */
  private static String distinctCustomer() {
    return "{\"_customer_number\":\"559" + (System.nanoTime() % 100_000_000) + "\"}";
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldListEveryCallbackServiceInWatermarksAndFilterQueuesByState() {
    Http http = new Http(base);
    CallbackClient api = new CallbackClient(http);
    Map<String, Object> marks =
        Json.object(api.as("admin", "GET", "1/admin/callback/watermarks").body());
    Map<String, Object> services = (Map<String, Object>) marks.get("services");
    assertEquals(0, ((Number) services.get("cb-closed")).intValue(), marks.toString());
    assertTrue(
        services.containsKey("cb-scen") && services.containsKey("cb-builtin"), marks.toString());

    String n = "5592" + (System.nanoTime() % 100_000);
    String queued = api.started("cb-inherit", "{\"_customer_number\":\"" + n + "\"}");
    String later = CallbackViews.time(Instant.now().plus(Duration.ofHours(2)));
    String scheduled =
        api.started(
            "cb-inherit",
            "{\"_customer_number\":\"" + n + "\",\"_desired_time\":\"" + later + "\"}");
    List<Object> ids =
        ((List<Map<String, Object>>)
                Json.object(
                        api.as(
                                "admin",
                                "GET",
                                "1/admin/callback/queues?target=cb-inherit&_callback_state=QUEUED")
                            .body())
                    .get("cb-inherit"))
            .stream().map(e -> e.get("_id")).toList();
    assertTrue(ids.contains(queued) && !ids.contains(scheduled), ids.toString());
    List<Object> later2 =
        ((List<Map<String, Object>>)
                Json.object(
                        api.as(
                                "admin",
                                "GET",
                                "1/admin/callback/queues?target=cb-inherit&_callback_state=SCHEDULED")
                            .body())
                    .get("cb-inherit"))
            .stream().map(e -> e.get("_id")).toList();
    assertTrue(later2.contains(scheduled) && !later2.contains(queued), later2.toString());
    HttpResponse<String> bad =
        api.as("admin", "GET", "1/admin/callback/queues?target=cb-inherit&_callback_state=NOPE");
    assertEquals(400, bad.statusCode(), bad.body());
    api.cancel("cb-inherit", queued);
    api.cancel("cb-inherit", scheduled);
  }
}
