package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/**
 * Callbacks against the calendar engine: service cal-callback (office hours Mon-Fri 09:00-17:00
 * Paris, capacity 3 per 30-minute slot on Monday 09:00): a full slot refuses with proposals and
 * frees up on cancel, a closed office refuses, availability counts our bookings.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallbackCalendarIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  /** 09:00 Paris on a Monday years ahead, a different one each run (the database persists). */
  private static String mondayNineParis() {
    LocalDate monday =
        LocalDate.of(2031, 1, 1)
            .plusWeeks(ThreadLocalRandom.current().nextInt(0, 2000))
            .with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    return CallbackViews.time(monday.atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
  }

  private static String body(String number, String desired) {
    return "{\"_customer_number\":\"" + number + "\",\"_desired_time\":\"" + desired + "\"}";
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldRefuseAFullSlotWithProposalsAndFreeItOnCancel() {
    Http http = new Http(base);
    CallbackClient api = new CallbackClient(http);
    String slot = mondayNineParis();
    String first = api.started("cal-callback", body("0611111111", slot));
    api.started("cal-callback", body("0622222222", slot));
    api.started("cal-callback", body("0633333333", slot));

    HttpResponse<String> full = api.start("cal-callback", body("0644444444", slot));
    assertEquals(400, full.statusCode(), full.body());
    Map<String, Object> error = Json.object(full.body());
    assertEquals("org.opengms.callback.CallbackAvailabilityException", error.get("exception"));
    Map<String, Object> proposals = (Map<String, Object>) error.get("availability");
    assertFalse(proposals.containsKey(slot), full.body());
    assertFalse(proposals.isEmpty(), full.body());

    String start = slot.substring(0, 10) + "T00:00:00.000Z";
    HttpResponse<String> availability =
        http.get(
            "1/service/callback/cal-callback/availability?start=" + start + "&number-of-days=1");
    assertEquals(200, availability.statusCode(), availability.body());
    assertFalse(Json.object(availability.body()).containsKey(slot), availability.body());
    // the Capacity API query of cal-capacity counts the three bookings (its own 5-minute slots)
    String local = slot.substring(0, 10) + "T09:00:00.000";
    HttpResponse<String> capacity =
        http.get(
            "1/service/cal-capacity?start="
                + local
                + "&end="
                + slot.substring(0, 10)
                + "T09:05:00");
    assertEquals(200, capacity.statusCode(), capacity.body());
    List<Map<String, Object>> slots =
        (List<Map<String, Object>>) Json.object(capacity.body()).get("slots");
    assertEquals(local, slots.get(0).get("start"), capacity.body());
    assertEquals(3, ((Number) slots.get(0).get("capacity")).intValue(), capacity.body());
    assertEquals(0, ((Number) slots.get(0).get("remaining")).intValue(), capacity.body());

    // a rescheduled callback cannot move into the full slot either
    String other =
        api.started("cal-callback", body("0655555555", proposals.keySet().iterator().next()));
    HttpResponse<String> move =
        api.update("cal-callback", other, "{\"_new_desired_time\":\"" + slot + "\"}");
    assertEquals(400, move.statusCode(), move.body());
    assertTrue(Json.object(move.body()).containsKey("availability"), move.body());

    assertEquals(200, api.cancel("cal-callback", first).statusCode());
    assertEquals(200, api.start("cal-callback", body("0644444444", slot)).statusCode());
  }

  @Test
  void shouldRefuseWhenTheOfficeIsClosed() {
    CallbackClient api = new CallbackClient(new Http(base));
    String monday = mondayNineParis();
    String sunday =
        CallbackViews.time(java.time.Instant.parse(monday).minus(java.time.Duration.ofDays(1)));
    HttpResponse<String> closed = api.start("cal-callback", body("0611111111", sunday));
    assertEquals(400, closed.statusCode(), closed.body());
    assertTrue(CallbackClient.error(closed).contains("closed_day_of_week"), closed.body());
    assertEquals(
        0,
        Json.objects(
                api.query(
                        "/cal-callback?_customer_number=0611111111&_desired_time_from="
                            + sunday
                            + "&_desired_time_to="
                            + sunday)
                    .body())
            .size(),
        "nothing stored");
  }
}
